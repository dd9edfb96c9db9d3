using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansCrm.Infrastructure.Hosting;

namespace OrleansCrm.Silo;

/// <summary>
/// The headless silo's probes for Kubernetes and Docker: <c>GET /health/live</c> (the process answers) and
/// <c>GET /health/ready</c> (the api's check: a grain activates, PostgreSQL answers, not shutting down), anonymous,
/// on <c>Silo:HealthPort</c> (<see cref="CrmSettings.SiloHealthPort"/>) of every interface. Off when the port is not set, so several silos on one machine need
/// no port each. It answers only these two paths.
/// </summary>
public sealed class SiloHealthServer(int port, Readiness readiness) : IHostedService, IAsyncDisposable
{
    private WebApplication? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(port));
        server = builder.Build();
        server.MapGet("/health/live", () => Results.Json(new { status = "live", checks = new Dictionary<string, string>() }));
        server.MapGet("/health/ready", async () =>
        {
            var report = await readiness.CheckAsync();
            return Results.Json(new { status = report.Ready ? "ready" : "not ready", checks = report.Checks }, statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        await server.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
