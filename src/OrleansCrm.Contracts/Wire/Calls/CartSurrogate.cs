using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>The cart of a call's draft (<see cref="Cart"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Cart.v1")]
public readonly record struct CartSurrogate(
    [property: Id(0)] string? Currency,
    [property: Id(1)] IReadOnlyList<CartLine>? Lines);

/// <summary>Turns a <see cref="Cart"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CartConverter : IConverter<Cart, CartSurrogate>
{
    public Cart ConvertFromSurrogate(in CartSurrogate s) => new(s.Currency, s.Lines);

    public CartSurrogate ConvertToSurrogate(in Cart m) => new(m.Currency, WireLists.Of(m.Lines));
}
