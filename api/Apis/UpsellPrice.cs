namespace OrleansCrm.Api.Apis;

/// <summary>An upsell's quote as the API shows it (OpenAPI schema <c>UpsellPrice</c>): unit price × quantity + the shipping method.</summary>
public sealed record UpsellPrice(
    string Currency,
    string UpsellId,
    string Name,
    int Quantity,
    decimal UnitPrice,
    decimal ItemsTotal,
    string ShippingMethodId,
    string ShippingMethodName,
    decimal ShippingPrice,
    decimal Total)
{
    public static UpsellPrice From(Domain.Orders.UpsellPrice p) => new(
        p.Currency, p.UpsellId, p.Name, p.Quantity, p.UnitPrice, p.ItemsTotal, p.ShippingMethodId, p.ShippingMethodName, p.ShippingPrice, p.Total);
}
