namespace OrleansCrm.Api.Apis;

/// <summary>
/// An agenda's settings as the API reads and shows them (OpenAPI schema <c>AgendaSettings</c>, as before): the working
/// hours on the agent's wall clock, the working days, the slot length. Unset fields take the domain's defaults.
/// </summary>
public sealed record AgendaSettings(string? TimeZone, string? DayStart, string? DayEnd, int? SlotMinutes, IReadOnlyList<DayOfWeek>? WorkDays)
    : Domain.Calls.ISentAgendaSettings
{
    public static AgendaSettings From(Domain.Calls.AgendaSettings s) => new(s.TimeZone, s.DayStart, s.DayEnd, s.SlotMinutes, s.WorkDays);
}
