using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>The slot grid of an agenda: where appointments may start.</summary>
public static class AgendaRules
{
    /// <summary>Refuses a slot that is in the past, off the grid, outside the working hours or on a day off (a 400 on <paramref name="field"/>).</summary>
    public static void CheckSlot(AgendaSettings settings, DateTimeOffset start, DateTimeOffset now, string field)
    {
        var v = new Validator();
        if (start <= now)
        {
            v.Add(field, $"must be in the future (now is {now:O}).");
        }
        else if (!IsSlot(settings, start))
        {
            v.Add(field, $"is not a slot of this agenda: slots start every {settings.SlotMinutes} minutes from {settings.DayStart} to {settings.DayEnd} on {string.Join(", ", settings.WorkDays)} ({settings.TimeZone}).");
        }

        v.ThrowIfInvalid();
    }

    public static bool IsSlot(AgendaSettings settings, DateTimeOffset start)
    {
        var local = TimeZones.LocalTime(start, settings.TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return Slots(settings, date).Contains(start);
    }

    /// <summary>Every slot start in [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public static IEnumerable<DateTimeOffset> Slots(AgendaSettings settings, DateTimeOffset from, DateTimeOffset to)
    {
        var first = DateOnly.FromDateTime(TimeZones.LocalTime(from, settings.TimeZone).DateTime);
        var last = DateOnly.FromDateTime(TimeZones.LocalTime(to, settings.TimeZone).DateTime);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            foreach (var slot in Slots(settings, date).Where(s => s >= from && s < to))
            {
                yield return slot;
            }
        }
    }

    private static IEnumerable<DateTimeOffset> Slots(AgendaSettings settings, DateOnly date)
    {
        if (!settings.WorkDays.Contains(date.DayOfWeek))
        {
            yield break;
        }

        var zone = TimeZones.Find(settings.TimeZone);
        var length = TimeSpan.FromMinutes(settings.SlotMinutes);
        var end = settings.EndsAt();
        for (var time = settings.StartsAt(); time.Add(length) <= end && time.Add(length) > time; time = time.Add(length))
        {
            var local = date.ToDateTime(time, DateTimeKind.Unspecified);
            if (!zone.IsInvalidTime(local))
            {
                yield return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            }
        }
    }
}
