using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Contracts.Wire.Offers;

/// <summary>
/// An <see cref="Offer"/> as it is stored and crosses a grain call. Never renumber an id. Members stay nullable so an
/// older or partial record still loads: the converter fills in what is missing (the default trial, empty lists).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Offer.v1")]
public readonly record struct OfferSurrogate(
    [property: Id(0)] string? Name,
    [property: Id(1)] IReadOnlyDictionary<string, decimal>? ProductPrice,
    [property: Id(2)] IReadOnlyDictionary<string, decimal>? ShippingAndHandling,
    [property: Id(3)] TrialSettings? Trial,
    [property: Id(4)] IReadOnlyList<Upsell>? Upsells,
    [property: Id(5)] IReadOnlyList<ShippingMethod>? ShippingMethods,
    [property: Id(6)] bool PrepaymentAllowed);

/// <summary>Turns an <see cref="Offer"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OfferConverter : IConverter<Offer, OfferSurrogate>
{
    public Offer ConvertFromSurrogate(in OfferSurrogate s) => new(
        s.Name ?? "",
        s.ProductPrice ?? new Dictionary<string, decimal>(),
        s.ShippingAndHandling ?? new Dictionary<string, decimal>(),
        s.Trial ?? TrialSettings.Default,
        s.Upsells ?? [],
        s.ShippingMethods ?? [],
        s.PrepaymentAllowed);

    public OfferSurrogate ConvertToSurrogate(in Offer o) => new(o.Name, o.ProductPrice, o.ShippingAndHandling, o.Trial, o.Upsells, o.ShippingMethods, o.PrepaymentAllowed);
}
