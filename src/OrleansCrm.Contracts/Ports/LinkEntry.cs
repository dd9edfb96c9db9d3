namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// A call's link to a shop order as the nightly validation and the linked-sales report see it. <see cref="Status"/> is
/// the link's status name; <see cref="Removed"/> marks a call whose link is gone (discarded call).
/// </summary>
public sealed record LinkEntry(
    string CallId,
    string StoreCode,
    string IncrementId,
    string AgentId,
    string CampaignId,
    string Direction,
    DateTimeOffset CallStart,
    DateTimeOffset? CallEnd,
    string Status,
    DateTimeOffset SetAt,
    string? JudgedIncrementId,
    bool Removed,
    long Version)
{
    /// <summary>The chain of re-created orders the link names (every edition of one sale).</summary>
    public Domain.Shop.ShopOrderKey Chain => new(StoreCode, Domain.Shop.IncrementIds.ChainBase(IncrementId));
}
