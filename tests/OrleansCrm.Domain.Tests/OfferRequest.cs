using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Domain.Tests;

/// <summary>
/// An offer with every field as a client may send it (the api's <c>Offer</c> body has this shape);
/// <see cref="Validated"/> runs the domain's own check, as the api does.
/// </summary>
public sealed record OfferRequest(
    string? Name,
    IReadOnlyDictionary<string, decimal>? ProductPrice,
    IReadOnlyDictionary<string, decimal>? ShippingAndHandling,
    TrialRequest? Trial,
    IReadOnlyList<UpsellRequest?>? Upsells,
    IReadOnlyList<ShippingMethodRequest?>? ShippingMethods,
    bool PrepaymentAllowed = false)
{
    /// <summary>A stored offer sent back as it reads.</summary>
    public static OfferRequest Of(Offer offer) => new(
        offer.Name,
        offer.ProductPrice,
        offer.ShippingAndHandling,
        new TrialRequest(offer.Trial.TrialDays, offer.Trial.ExtensionDays, offer.Trial.ReminderDay, offer.Trial.ExtensionOfferDaysBeforeEnd),
        offer.Upsells.Select(u => new UpsellRequest(u.Id, u.Name, u.UnitPrice, u.AllowedQuantities, u.ShippingMethodIds)).ToList(),
        offer.ShippingMethods.Select(m => new ShippingMethodRequest(m.Id, m.Name, m.Price)).ToList(),
        offer.PrepaymentAllowed);

    public Offer Validated() => Offer.Checked(Name, ProductPrice, ShippingAndHandling, Trial, Upsells, ShippingMethods, PrepaymentAllowed);
}
