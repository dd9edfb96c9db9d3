using Microsoft.Extensions.Hosting;

namespace OrleansCrm.Infrastructure.Hosting;

/// <summary>
/// Graceful shutdown, first step: on SIGTERM the process reports itself not ready at once, then waits
/// <c>Shutdown:DrainDelay</c> (default 0; the deploy files set a few seconds) so load balancers and Kubernetes stop
/// sending new work, before the host stops its services — Kestrel lets the requests in flight finish, and the silo
/// leaves the cluster cleanly (its grains deactivated, its membership row marked dead), within the host's
/// <c>Shutdown:Timeout</c>.
/// </summary>
public sealed class ShutdownDrain(TimeSpan delay, TimeProvider time) : IHostedLifecycleService
{
    public const string DelayKey = "Shutdown:DrainDelay";
    public const string TimeoutKey = "Shutdown:Timeout";

    private volatile bool draining;

    /// <summary>True from the moment the host began to stop: readiness answers 503 from then on.</summary>
    public bool IsDraining => draining;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        draining = true;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
