using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The nightly sync held at a known point: a run that reaches its sync says so (<see cref="Entered"/>) and waits there
/// until <see cref="Release"/>; after that every sync passes at once, reaching the instant it started (as the push-only sync does).
/// </summary>
public sealed class HeldShopSync : IShopOrderSync
{
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a run is in its sync.</summary>
    public Task Entered => entered.Task;

    public void Release() => released.TrySetResult();

    public async Task<ShopSyncResult> SyncAsync(DateTimeOffset? previousWatermark, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        entered.TrySetResult();
        await released.Task.WaitAsync(cancellationToken);
        return new ShopSyncResult(0, startedAt, null);
    }
}
