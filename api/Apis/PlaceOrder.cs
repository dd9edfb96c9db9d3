namespace OrleansCrm.Api.Apis;

/// <summary>
/// The body of <c>POST /api/v1/orders</c> (OpenAPI schema <c>PlaceOrder</c>, as before): every field as the client may
/// send it. The card arrives only as a payment-provider token; a card number or CVV is never accepted.
/// </summary>
public sealed record PlaceOrder(
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
    string? Tag,
    string? CampaignId = null)
{
    /// <summary>
    /// The placement for the domain, checked by the domain's own rule (same fields, same messages) and with its defaults
    /// filled in: the main item when no line is given, quantity 1, the sandbox provider, free text redacted.
    /// </summary>
    public Domain.Orders.PlaceOrder ToCommand() =>
        Domain.Orders.PlaceOrder.Checked(
            CustomerId,
            OfferId,
            Currency,
            Trial,
            Items?.Select(l => l?.ToDomain()!).ToList(),
            CardToken,
            PaymentProvider,
            DeliveryMethodId,
            Ip,
            Analytics?.ToDomain(),
            Affiliate?.ToDomain(),
            Tag,
            CampaignId);
}
