using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Contracts.Wire.Payments;

/// <summary>A <see cref="CardOnFile"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.CardOnFile.v1")]
public readonly record struct CardOnFileSurrogate(
    [property: Id(0)] string Brand,
    [property: Id(1)] string Last4,
    [property: Id(2)] int ExpiryMonth,
    [property: Id(3)] int ExpiryYear);

/// <summary>Turns a <see cref="CardOnFile"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CardOnFileConverter : IConverter<CardOnFile, CardOnFileSurrogate>
{
    public CardOnFile ConvertFromSurrogate(in CardOnFileSurrogate s) => new(s.Brand, s.Last4, s.ExpiryMonth, s.ExpiryYear);

    public CardOnFileSurrogate ConvertToSurrogate(in CardOnFile c) => new(c.Brand, c.Last4, c.ExpiryMonth, c.ExpiryYear);
}
