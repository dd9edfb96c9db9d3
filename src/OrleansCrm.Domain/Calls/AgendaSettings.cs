using System.Globalization;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// When an agent takes appointments: the working hours on the agent's wall clock, the working days and
/// the slot length, every one set. Fields a client left out took the defaults (UTC, 09:00–17:00, Monday–Friday, 30 minutes).
/// </summary>
public sealed record AgendaSettings(string TimeZone, string DayStart, string DayEnd, int SlotMinutes, IReadOnlyList<DayOfWeek> WorkDays)
{
    public static AgendaSettings Default { get; } = new(
        "UTC", "09:00", "17:00", 30, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    public TimeOnly StartsAt() => TimeOnly.ParseExact(DayStart, "HH:mm", CultureInfo.InvariantCulture);

    public TimeOnly EndsAt() => TimeOnly.ParseExact(DayEnd, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Checks the settings as sent (none sent: the defaults) and returns them with the defaults filled in and the work days in order.</summary>
    public static AgendaSettings Checked(Validator v, string path, ISentAgendaSettings? sent)
    {
        var full = new AgendaSettings(
            sent?.TimeZone ?? Default.TimeZone,
            sent?.DayStart ?? Default.DayStart,
            sent?.DayEnd ?? Default.DayEnd,
            sent?.SlotMinutes ?? Default.SlotMinutes,
            sent?.WorkDays ?? Default.WorkDays);
        v.TimeZone($"{path}.timeZone", full.TimeZone);
        new Campaigns.CallingHours(full.DayStart, full.DayEnd).ValidateAs(v, path, "dayStart", "dayEnd");
        v.Range($"{path}.slotMinutes", full.SlotMinutes, 5, 480);
        if (full.WorkDays.Count == 0)
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
