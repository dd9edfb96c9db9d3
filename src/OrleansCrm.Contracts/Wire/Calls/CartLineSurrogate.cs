using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A line of a call's cart (<see cref="CartLine"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.CartLine.v1")]
public readonly record struct CartLineSurrogate(
    [property: Id(0)] string? Product,
    [property: Id(1)] int? Quantity,
    [property: Id(2)] decimal? UnitPrice);

/// <summary>Turns a <see cref="CartLine"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CartLineConverter : IConverter<CartLine, CartLineSurrogate>
{
    public CartLine ConvertFromSurrogate(in CartLineSurrogate s) => new(s.Product, s.Quantity, s.UnitPrice);

    public CartLineSurrogate ConvertToSurrogate(in CartLine m) => new(m.Product, m.Quantity, m.UnitPrice);
}
