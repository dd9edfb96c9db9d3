namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The nightly sync of the shop's orders into the shop-order store, before the validation: from the previous
/// watermark, up to the instant it started. Without a pull connector configured, the shop pushes its orders, and the
/// sync is only that instant (everything pushed until then is here).
/// </summary>
public interface IShopOrderSync
{
    Task<ShopSyncResult> SyncAsync(DateTimeOffset? previousWatermark, DateTimeOffset startedAt, CancellationToken cancellationToken = default);
}
