using OrleansCrm.Api;
using OrleansCrm.Infrastructure.Hosting;

if (HostVerbs.IsProbe(args))
{
    return await HostVerbs.ProbeAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

if (HostVerbs.IsMigrate(args))
{
    return await HostVerbs.MigrateAsync(builder.Configuration);
}

builder.AddCrmApi();

var app = builder.Build();
app.UseCrmApi();
await app.RunAsync();
return 0;

/// <summary>The api host; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
