namespace OrleansCrm.Api.Apis;

/// <summary>The body of the upsell quote (OpenAPI schema <c>UpsellChoice</c>, as before): the agent's choice on the upsell screen.</summary>
public sealed record UpsellChoice(string? UpsellId, int? Quantity, string? ShippingMethodId)
{
    /// <summary>The choice for the domain, as sent: the quote checks it against the offer.</summary>
    public Domain.Orders.UpsellChoice ToDomain() => new(UpsellId, Quantity, ShippingMethodId);
}
