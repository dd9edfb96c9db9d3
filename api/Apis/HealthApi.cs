using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Infrastructure.Hosting;

namespace OrleansCrm.Api.Apis;

/// <summary>Liveness (the process answers) and readiness (a silo activates grains, storage answers, not shutting down). Anonymous.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/live", () => TypedResults.Ok(new HealthView("live", new Dictionary<string, string>())))
            .WithName("Live").WithSummary("The process is up");
        health.MapGet("/ready", Ready)
            .WithName("Ready").WithSummary("A silo activates grains and storage is reachable; 503 otherwise, and from the moment the process begins to shut down")
            .Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<Ok<HealthView>, JsonHttpResult<HealthView>>> Ready(Readiness readiness)
    {
        var report = await readiness.CheckAsync();
        var view = new HealthView(report.Ready ? "ready" : "not ready", report.Checks.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
        return report.Ready ? TypedResults.Ok(view) : TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
