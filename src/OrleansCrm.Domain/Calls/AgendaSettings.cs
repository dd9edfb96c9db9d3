using System.Globalization;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// When an agent takes appointments: the working hours on the agent's wall clock, the working days and
/// the slot length. Unset fields take the defaults (UTC, 09:00–17:00, Monday–Friday, 30 minutes).
/// </summary>
public sealed record AgendaSettings(string? TimeZone, string? DayStart, string? DayEnd, int? SlotMinutes, IReadOnlyList<DayOfWeek>? WorkDays)
{
    public static AgendaSettings Default { get; } = new(
        "UTC", "09:00", "17:00", 30, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    public TimeOnly StartsAt() => TimeOnly.ParseExact(DayStart!, "HH:mm", CultureInfo.InvariantCulture);

    public TimeOnly EndsAt() => TimeOnly.ParseExact(DayEnd!, "HH:mm", CultureInfo.InvariantCulture);

    public AgendaSettings Validated(Validator v, string path)
    {
        var full = new AgendaSettings(
            TimeZone ?? Default.TimeZone, DayStart ?? Default.DayStart, DayEnd ?? Default.DayEnd, SlotMinutes ?? Default.SlotMinutes, WorkDays ?? Default.WorkDays);
        v.TimeZone($"{path}.timeZone", full.TimeZone);
        new Campaigns.CallingHours(full.DayStart, full.DayEnd).ValidateAs(v, path, "dayStart", "dayEnd");
        v.Range($"{path}.slotMinutes", full.SlotMinutes!.Value, 5, 480);
        if (full.WorkDays!.Count == 0)
        {
            v.Add($"{path}.workDays", "needs at least one day.");
        }
        else if (full.WorkDays.Count > 7)
        {
            v.Add($"{path}.workDays", "names each day of the week at most once (at most 7 days).");
        }

        return full with { WorkDays = full.WorkDays.Distinct().Order().ToList() };
    }
}
