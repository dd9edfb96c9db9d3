using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

/// <summary>An agenda's settings as a client may send them (the api's <c>AgendaSettings</c> has this shape): a field left out takes the default.</summary>
public sealed record AgendaRequest(string? TimeZone, string? DayStart, string? DayEnd, int? SlotMinutes, IReadOnlyList<DayOfWeek>? WorkDays) : ISentAgendaSettings
{
    /// <summary>The settings checked on their own, as an agent profile's check runs it (refusals go to <paramref name="v"/>).</summary>
    public AgendaSettings Validated(Validator v, string path) => AgendaSettings.Checked(v, path, this);
}
