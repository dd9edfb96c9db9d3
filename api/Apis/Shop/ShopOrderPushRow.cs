namespace OrleansCrm.Api.Apis.Shop;

/// <summary>
/// One shop order as the shop sends it: timestamps as the shop writes them (Magento: UTC without a zone marker,
/// <c>2026-03-08 06:59:59</c>; an explicit offset is honoured), the rep as the shop user who created it.
/// </summary>
public sealed record ShopOrderPushRow(
    string? StoreCode,
    string? IncrementId,
    string? ShopOrderId,
    string? CreatedAt,
    string? UpdatedAt,
    string? Status,
    decimal? GrandTotal,
    string? Currency,
    string? CustomerEmail,
    string? CustomerPhone,
    string? SalesRep)
{
    public Domain.Shop.ShopOrderRow ToDomain() =>
        new(StoreCode, IncrementId, ShopOrderId, CreatedAt, UpdatedAt, Status, GrandTotal, Currency, CustomerEmail, CustomerPhone, SalesRep);
}
