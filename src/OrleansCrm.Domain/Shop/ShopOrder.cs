namespace OrleansCrm.Domain.Shop;

/// <summary>
/// An order as the web shop holds it: known by store and increment id (the number agents see and paste, unique per
/// store), with the shop's own internal id, when it was created (UTC), its status, its grand total, who bought it and
/// the shop user (sales rep) who created it, when the shop records one.
/// </summary>
public sealed record ShopOrder(
    string StoreCode,
    string IncrementId,
    string ShopOrderId,
    DateTimeOffset CreatedAt,
    string Status,
    decimal GrandTotal,
    string Currency,
    string? CustomerEmail,
    string? CustomerPhone,
    string? SalesRep,
    DateTimeOffset? UpdatedAt = null)
{
    /// <summary>The re-creation chain this order belongs to (<c>100000123</c>, <c>100000123-1</c>, … share one).</summary>
    public ShopOrderKey ChainKey => new(StoreCode, IncrementIds.ChainBase(IncrementId));

    /// <summary>How many times the shop re-created the order before this one (0 for the original).</summary>
    public int Edition => IncrementIds.Edition(IncrementId);
}
