using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.Shop;

/// <summary>No pull connector configured: the shop pushes its orders, so the night's sync reaches the instant it started.</summary>
public sealed class PushOnlyShopSync : IShopOrderSync
{
    public Task<ShopSyncResult> SyncAsync(DateTimeOffset? previousWatermark, DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ShopSyncResult(0, startedAt, null));
}
