
namespace OrleansCrm.Domain.Orders;

/// <summary>What an upsell costs: unit price × quantity + the shipping method, in the main order's currency.</summary>
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
    decimal Total);
