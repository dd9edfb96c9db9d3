using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansCrm.Infrastructure.Hosting;
using OrleansCrm.Silo;

// The headless silo: the unit you scale out. `dotnet run --project silo -- migrate` applies deploy/sql and exits.
if (HostVerbs.IsProbe(args))
{
    return await HostVerbs.ProbeAsync(args);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

if (HostVerbs.IsMigrate(args))
{
    return await HostVerbs.MigrateAsync(builder.Configuration);
}

var settings = CrmSettings.From(builder.Configuration, builder.Environment);
if (settings.SimulatedClock)
{
    throw new InvalidOperationException($"Configuration '{CrmSettings.SimulatedClockKey}' is for the co-hosted api process only; a headless silo runs on real time.");
}

builder.AddCrmSilo(settings);
if (settings.SiloHealthPort is { } healthPort)
{
    builder.Services.AddHostedService(sp => new SiloHealthServer(healthPort, sp.GetRequiredService<Readiness>()));
}

using var host = builder.Build();
CrmHosting.LogStorageProfile(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OrleansCrm.Silo"), settings);
await host.RunAsync();
return 0;
