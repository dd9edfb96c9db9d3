using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// The hours a contact may be called, on the contact's own wall clock (default 09:00–20:00), whatever
/// the daylight-saving rules of the zone do.
/// </summary>
public sealed record CallingWindow(TimeOnly Start, TimeOnly End, string TimeZone)
{
    public static CallingWindow For(Campaigns.CallingHours hours, string timeZone) => new(hours.StartsAt(), hours.EndsAt(), timeZone);

    public bool IsOpen(DateTimeOffset instant)
    {
        var local = TimeOnly.FromDateTime(TimeZones.LocalTime(instant, TimeZone).DateTime);
        return local >= Start && local < End;
    }

    /// <summary>The first instant at or after <paramref name="instant"/> when the contact may be called.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        if (IsOpen(instant))
        {
            return instant;
        }

        var zone = TimeZones.Find(TimeZone);
        var localDate = DateOnly.FromDateTime(TimeZones.LocalTime(instant, TimeZone).DateTime);
        for (var day = 0; day <= 2; day++)
        {
            var opening = ToInstant(localDate.AddDays(day), Start, zone);
            if (opening >= instant)
            {
                return opening;
            }
        }

        throw new InvalidOperationException("A daily window opens within two days.");
    }

    /// <summary>A wall-clock time on a date in a zone; a time skipped by a spring-forward change moves on to the next valid one.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
