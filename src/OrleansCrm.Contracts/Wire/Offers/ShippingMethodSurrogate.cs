using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Contracts.Wire.Offers;

/// <summary>A <see cref="ShippingMethod"/> as it is stored and crosses a grain call. Never renumber an id; members stay nullable so an older record still loads.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.ShippingMethod.v1")]
public readonly record struct ShippingMethodSurrogate(
    [property: Id(0)] string? Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] IReadOnlyDictionary<string, decimal>? Price);

/// <summary>Turns a <see cref="ShippingMethod"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class ShippingMethodConverter : IConverter<ShippingMethod, ShippingMethodSurrogate>
{
    public ShippingMethod ConvertFromSurrogate(in ShippingMethodSurrogate s) => new(s.Id ?? "", s.Name ?? "", s.Price ?? new Dictionary<string, decimal>());

    public ShippingMethodSurrogate ConvertToSurrogate(in ShippingMethod s) => new(s.Id, s.Name, s.Price);
}
