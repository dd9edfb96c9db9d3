using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>An agenda's settings (<see cref="AgendaSettings"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers; a field missing from an older record takes the default.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.AgendaSettings.v1")]
public readonly record struct AgendaSettingsSurrogate(
    [property: Id(0)] string? TimeZone,
    [property: Id(1)] string? DayStart,
    [property: Id(2)] string? DayEnd,
    [property: Id(3)] int? SlotMinutes,
    [property: Id(4)] IReadOnlyList<int>? WorkDays);

/// <summary>Turns a <see cref="AgendaSettings"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class AgendaSettingsConverter : IConverter<AgendaSettings, AgendaSettingsSurrogate>
{
    public AgendaSettings ConvertFromSurrogate(in AgendaSettingsSurrogate s) => new(
        s.TimeZone ?? AgendaSettings.Default.TimeZone,
        s.DayStart ?? AgendaSettings.Default.DayStart,
        s.DayEnd ?? AgendaSettings.Default.DayEnd,
        s.SlotMinutes ?? AgendaSettings.Default.SlotMinutes,
        s.WorkDays?.Select(d => (DayOfWeek)d).ToArray() ?? AgendaSettings.Default.WorkDays);

    public AgendaSettingsSurrogate ConvertToSurrogate(in AgendaSettings m) => new(m.TimeZone, m.DayStart, m.DayEnd, m.SlotMinutes, m.WorkDays.Select(d => (int)d).ToArray());
}
