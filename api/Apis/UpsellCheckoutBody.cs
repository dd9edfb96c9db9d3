namespace OrleansCrm.Api.Apis;

/// <summary>The body of an upsell checkout (OpenAPI schema <c>UpsellCheckoutBody</c>, as before): every field as the client may send it.</summary>
public sealed record UpsellCheckoutBody(string? CampaignId, string? UpsellId, int? Quantity, string? ShippingMethodId, string? CardToken, string? PaymentProvider)
{
    /// <summary>The checkout of the main order <paramref name="mainOrderNumber"/> for the domain, checked by the domain's own rule (same fields, same messages).</summary>
    public Domain.Orders.UpsellCheckout ToCommand(string mainOrderNumber) =>
        Domain.Orders.UpsellCheckout.Checked(mainOrderNumber, CampaignId, UpsellId, Quantity, ShippingMethodId, CardToken, PaymentProvider);
}
