using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrleansCrm.Infrastructure.Schema;

namespace OrleansCrm.Infrastructure.Hosting;

/// <summary>Command-line verbs both hosts accept besides running: <c>migrate</c>, and <c>probe URL</c> for container health checks.</summary>
public static class HostVerbs
{
    public const string Migrate = "migrate";
    public const string Probe = "probe";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static bool IsMigrate(string[] args) => args.Length > 0 && args[0] == Migrate;

    public static bool IsProbe(string[] args) => args.Length > 0 && args[0] == Probe;

    /// <summary>
    /// <c>probe URL</c>: GETs the URL (a health endpoint) and exits 0 on a 2xx answer, 1 otherwise — the images carry
    /// no curl, so the Docker health check asks the app itself. 2 when the URL is missing or not absolute.
    /// </summary>
    public static async Task<int> ProbeAsync(string[] args)
    {
        if (args.Length < 2 || !Uri.TryCreate(args[1], UriKind.Absolute, out var url))
        {
            await Console.Error.WriteLineAsync("probe needs an absolute URL, e.g. probe http://127.0.0.1:8080/health/live");
            return 2;
        }

        using var http = new HttpClient { Timeout = ProbeTimeout };
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"probe {url}: {ex.Message}");
            return 1;
        }
    }

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
