using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Contracts.Wire.Campaigns;

/// <summary>A campaign's calling hours (<see cref="CallingHours"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.CallingHours.v1")]
public readonly record struct CallingHoursSurrogate(
    [property: Id(0)] string? Start,
    [property: Id(1)] string? End);

/// <summary>Turns a <see cref="CallingHours"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CallingHoursConverter : IConverter<CallingHours, CallingHoursSurrogate>
{
    public CallingHours ConvertFromSurrogate(in CallingHoursSurrogate s) => new(s.Start, s.End);

    public CallingHoursSurrogate ConvertToSurrogate(in CallingHours m) => new(m.Start, m.End);
}
