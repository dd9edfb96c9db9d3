using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using OrleansCrm.Contracts;

namespace OrleansCrm.Api.Apis;

/// <summary>Liveness (the process answers) and readiness (a silo activates grains and storage answers). Anonymous.</summary>
public static partial class HealthApi
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/live", () => TypedResults.Ok(new HealthView("live", new Dictionary<string, string>())))
            .WithName("Live").WithSummary("The process is up");
        health.MapGet("/ready", Ready)
            .WithName("Ready").WithSummary("A silo activates grains and storage is reachable; 503 otherwise")
            .Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<Ok<HealthView>, JsonHttpResult<HealthView>>> Ready(IServiceProvider services, IGrainFactory grains, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(HealthApi).FullName!);
        var checks = new Dictionary<string, string>
        {
            ["silo"] = await CheckAsync("silo", () => grains.GetGrain<IHealthGrain>(0).PingAsync(), logger),
        };

        var database = services.GetService<NpgsqlDataSource>();
        checks["storage"] = database is null
            ? "in-memory"
            : await CheckAsync("storage", async () =>
            {
                await using var command = database.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync();
            }, logger);

        var ready = checks.Values.All(v => v is "ok" or "in-memory");
        var view = new HealthView(ready ? "ready" : "not ready", checks);
        return ready ? TypedResults.Ok(view) : TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The anonymous answer says only "failing"; what failed and why goes to the log.</summary>
    private static async Task<string> CheckAsync(string name, Func<Task> check, ILogger logger)
    {
        try
        {
            await check().WaitAsync(CheckTimeout);
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
