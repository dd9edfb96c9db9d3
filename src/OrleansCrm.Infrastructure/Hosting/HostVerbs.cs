using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrleansCrm.Infrastructure.Schema;

namespace OrleansCrm.Infrastructure.Hosting;

/// <summary>Command-line verbs both hosts accept besides running: <c>migrate</c>.</summary>
public static class HostVerbs
{
    public const string Migrate = "migrate";

    public static bool IsMigrate(string[] args) => args.Length > 0 && args[0] == Migrate;

    /// <summary>Applies deploy/sql to the database of <c>ConnectionStrings:Crm</c>; returns the process exit code.</summary>
    public static async Task<int> MigrateAsync(IConfiguration configuration)
    {
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var connectionString = configuration[CrmSettings.ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync($"migrate needs '{CrmSettings.ConnectionStringKey}' (environment: ConnectionStrings__Crm) naming the PostgreSQL database.");
            return 2;
        }

        await new SchemaMigrator(connectionString, loggers.CreateLogger<SchemaMigrator>()).MigrateAsync();
        return 0;
    }
}
