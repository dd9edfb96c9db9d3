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

/// <summary>An agent as the agenda and the outcome messages know them: a name, an email for manager copies, the agenda's settings.</summary>
public sealed record AgentProfile(string? Name, string? Email, AgendaSettings? Agenda)
{
    public AgentProfile Validated()
    {
        var v = new Validator();
        var email = Email?.Trim();
        v.Text("name", Name, Validator.NameMaxLength);
        v.Email("email", email);
        var agenda = (Agenda ?? AgendaSettings.Default).Validated(v, "agenda");
        v.ThrowIfInvalid();
        return new AgentProfile(Name is null ? null : CardNumbers.Redact(Name.Trim()), email, agenda);
    }
}

public enum BookingStatus
{
    Booked,
    Cancelled,
}

/// <summary>An appointment in an agent's agenda, booked by a T outcome, with its reminder to the customer.</summary>
public sealed record Booking(
    string Id,
    string AgentId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string CallId,
    string CampaignId,
    string ContactId,
    string? CustomerId,
    string? CustomerName,
    string? CustomerEmail,
    string CustomerTimeZone,
    BookingStatus Status,
    DateTimeOffset ReminderAt,
    bool ReminderSent,
    DateTimeOffset BookedAt,
    string BookedBy,
    DateTimeOffset? CancelledAt = null,
    string? CancelledBy = null,
    string? CallAgentId = null);

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
            v.Add(field, $"is not a slot of this agenda: slots start every {settings.SlotMinutes} minutes from {settings.DayStart} to {settings.DayEnd} on {string.Join(", ", settings.WorkDays!)} ({settings.TimeZone}).");
        }

        v.ThrowIfInvalid();
    }

    public static bool IsSlot(AgendaSettings settings, DateTimeOffset start)
    {
        var local = TimeZones.LocalTime(start, settings.TimeZone!);
        var date = DateOnly.FromDateTime(local.DateTime);
        return Slots(settings, date).Contains(start);
    }

    /// <summary>Every slot start in [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public static IEnumerable<DateTimeOffset> Slots(AgendaSettings settings, DateTimeOffset from, DateTimeOffset to)
    {
        var first = DateOnly.FromDateTime(TimeZones.LocalTime(from, settings.TimeZone!).DateTime);
        var last = DateOnly.FromDateTime(TimeZones.LocalTime(to, settings.TimeZone!).DateTime);
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
        if (!settings.WorkDays!.Contains(date.DayOfWeek))
        {
            yield break;
        }

        var zone = TimeZones.Find(settings.TimeZone!);
        var length = TimeSpan.FromMinutes(settings.SlotMinutes!.Value);
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

/// <summary>A close-online contract: the cart as agreed on the call, under a protocol number unique across the cluster.</summary>
public sealed record Contract(
    string Protocol,
    string CallId,
    string CampaignId,
    string ContactId,
    string? CustomerId,
    string? ContactName,
    string Phone,
    string AgentId,
    string Currency,
    IReadOnlyList<CartLine> Lines,
    decimal Total,
    DateTimeOffset CreatedAt);
