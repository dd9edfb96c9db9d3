using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansCrm.Contracts;

namespace OrleansCrm.Infrastructure.Hosting;

/// <summary>
/// Whether this process should be sent work: a silo activates grains, PostgreSQL answers (when it is the profile), and
/// the process is not shutting down. The one check behind the api's and the silo's <c>/health/ready</c>.
/// </summary>
public sealed partial class Readiness(IGrainFactory grains, IServiceProvider services, ShutdownDrain drain, ILogger<Readiness> logger)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public async Task<ReadinessReport> CheckAsync()
    {
        var checks = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["silo"] = await CheckAsync("silo", () => grains.GetGrain<IHealthGrain>(0).PingAsync()).ConfigureAwait(false),
        };

        var database = services.GetService<NpgsqlDataSource>();
        checks["storage"] = database is null
            ? "in-memory"
            : await CheckAsync("storage", async () =>
            {
                await using var command = database.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync().ConfigureAwait(false);
            }).ConfigureAwait(false);

        if (drain.IsDraining)
        {
            checks["shutdown"] = "draining";
        }

        var ready = !drain.IsDraining && checks.Values.All(v => v is "ok" or "in-memory");
        return new ReadinessReport(ready, checks);
    }

    /// <summary>The anonymous answer says only "failing"; what failed and why goes to the log.</summary>
    private async Task<string> CheckAsync(string name, Func<Task> check)
    {
        try
        {
            await check().WaitAsync(CheckTimeout).ConfigureAwait(false);
            return "ok";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCheckFailed(logger, ex, name);
            return "failing";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness check {Check} failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string check);
}
