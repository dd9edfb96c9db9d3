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
        TrialSettings.From(offer.Trial),
        offer.Upsells.Select(Upsell.From).ToList(),
        offer.ShippingMethods.Select(ShippingMethod.From).ToList(),
        offer.PrepaymentAllowed);

    /// <summary>
    /// The offer for the domain, checked by the domain's own rule (same fields, same messages) and with its defaults
    /// filled in: the default trial terms, empty lists, the name trimmed. A null entry of a list is refused by its
    /// path (<c>upsells[1]</c>), as before.
    /// </summary>
    public Domain.Offers.Offer ToCommand() =>
        Domain.Offers.Offer.Checked(Name, ProductPrice, ShippingAndHandling, Trial, Upsells, ShippingMethods, PrepaymentAllowed);
}
