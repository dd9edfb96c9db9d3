using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A dialer's queue counts (<see cref="DialerStats"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.DialerStats.v1")]
public readonly record struct DialerStatsSurrogate(
    [property: Id(0)] int Due,
    [property: Id(1)] int Scheduled,
    [property: Id(2)] int Leased,
    [property: Id(3)] int Done,
    [property: Id(4)] int Total);

/// <summary>Turns a <see cref="DialerStats"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class DialerStatsConverter : IConverter<DialerStats, DialerStatsSurrogate>
{
    public DialerStats ConvertFromSurrogate(in DialerStatsSurrogate s) => new(s.Due, s.Scheduled, s.Leased, s.Done, s.Total);

    public DialerStatsSurrogate ConvertToSurrogate(in DialerStats m) => new(m.Due, m.Scheduled, m.Leased, m.Done, m.Total);
}
