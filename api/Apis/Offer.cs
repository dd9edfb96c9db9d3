namespace OrleansCrm.Api.Apis;

/// <summary>
/// An offer as the API reads and writes it (OpenAPI schema <c>Offer</c>, as before): the product price and the shipping
/// &amp; handling fee per currency, the trial terms, the upsells and the shipping methods. Prices are decimals in major
/// units per ISO 4217 code, e.g. <c>{ "USD": 49.95, "JPY": 5400 }</c>.
/// </summary>
public sealed record Offer(
    string? Name,
    IReadOnlyDictionary<string, decimal>? ProductPrice,
    IReadOnlyDictionary<string, decimal>? ShippingAndHandling,
    TrialSettings? Trial,
    IReadOnlyList<Upsell?>? Upsells,
    IReadOnlyList<ShippingMethod?>? ShippingMethods,
    bool PrepaymentAllowed = false)
{
    public static Offer From(Domain.Offers.Offer offer) => new(
        offer.Name,
        offer.ProductPrice,
        offer.ShippingAndHandling,
        offer.Trial is { } trial ? TrialSettings.From(trial) : null,
        offer.Upsells?.Select(Upsell.From).ToList(),
        offer.ShippingMethods?.Select(ShippingMethod.From).ToList(),
        offer.PrepaymentAllowed);

    /// <summary>The offer for the domain, as sent: the offer's grain checks it and fills in its defaults, as before.</summary>
    public Domain.Offers.Offer ToDomain() => new(
        Name, ProductPrice, ShippingAndHandling, Trial?.ToDomain(), Upsell.ToDomain(Upsells), ShippingMethod.ToDomain(ShippingMethods), PrepaymentAllowed);
}
