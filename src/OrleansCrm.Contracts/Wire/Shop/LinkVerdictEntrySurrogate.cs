using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Contracts.Wire.Shop;

/// <summary>One verdict of a link's history (<see cref="LinkVerdictEntry"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.LinkVerdictEntry.v1")]
public readonly record struct LinkVerdictEntrySurrogate(
    [property: Id(0)] string RunId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int Status,
    [property: Id(3)] IReadOnlyList<int>? Reasons);

/// <summary>Turns a <see cref="LinkVerdictEntry"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class LinkVerdictEntryConverter : IConverter<LinkVerdictEntry, LinkVerdictEntrySurrogate>
{
    public LinkVerdictEntry ConvertFromSurrogate(in LinkVerdictEntrySurrogate s) =>
        new(s.RunId, s.At, (LinkStatus)s.Status, s.Reasons is { } reasons ? [.. reasons.Select(r => (LinkReason)r)] : []);

    public LinkVerdictEntrySurrogate ConvertToSurrogate(in LinkVerdictEntry m) => new(m.RunId, m.At, (int)m.Status, [.. m.Reasons.Select(r => (int)r)]);
}
