using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Domain.Tests;

/// <summary>
/// A placement with every field as a client may send it (the api's <c>PlaceOrder</c> body has this shape);
/// <see cref="ToCommand"/> runs the domain's own check, as the api does.
/// </summary>
public sealed record PlacementRequest(
    string? CustomerId,
    string? OfferId,
    string? Currency,
    bool Trial,
    IReadOnlyList<OrderLine>? Items,
    string? CardToken,
    string? PaymentProvider,
    string? DeliveryMethodId,
    string? Ip,
    Analytics? Analytics,
    Affiliate? Affiliate,
    string? Tag)
{
    public PlaceOrder ToCommand() =>
        PlaceOrder.Checked(CustomerId, OfferId, Currency, Trial, Items, CardToken, PaymentProvider, DeliveryMethodId, Ip, Analytics, Affiliate, Tag);
}
