using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Contracts.Wire.Offers;

/// <summary>An <see cref="Upsell"/> as it is stored and crosses a grain call. Never renumber an id; members stay nullable so an older record still loads.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Upsell.v1")]
public readonly record struct UpsellSurrogate(
    [property: Id(0)] string? Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] IReadOnlyDictionary<string, decimal>? UnitPrice,
    [property: Id(3)] IReadOnlyList<int>? AllowedQuantities,
    [property: Id(4)] IReadOnlyList<string>? ShippingMethodIds);

/// <summary>Turns an <see cref="Upsell"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class UpsellConverter : IConverter<Upsell, UpsellSurrogate>
{
    public Upsell ConvertFromSurrogate(in UpsellSurrogate s) =>
        new(s.Id ?? "", s.Name ?? "", s.UnitPrice ?? new Dictionary<string, decimal>(), s.AllowedQuantities ?? [], s.ShippingMethodIds ?? []);

    public UpsellSurrogate ConvertToSurrogate(in Upsell u) => new(u.Id, u.Name, u.UnitPrice, u.AllowedQuantities, u.ShippingMethodIds);
}
