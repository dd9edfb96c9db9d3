using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>A <see cref="Wording"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Wording.v1")]
public readonly record struct WordingSurrogate(
    [property: Id(0)] string Code,
    [property: Id(1)] IReadOnlyDictionary<string, string> Values,
    [property: Id(2)] IReadOnlyDictionary<string, IReadOnlyList<Wording>>? Parts);

/// <summary>Turns a <see cref="Wording"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class WordingConverter : IConverter<Wording, WordingSurrogate>
{
    public Wording ConvertFromSurrogate(in WordingSurrogate s) =>
        s.Parts is { Count: > 0 } parts ? new Wording(s.Code, s.Values) { Parts = parts } : new Wording(s.Code, s.Values);

    public WordingSurrogate ConvertToSurrogate(in Wording w) => new(w.Code, w.Values, w.Parts.Count == 0 ? null : w.Parts);
}
