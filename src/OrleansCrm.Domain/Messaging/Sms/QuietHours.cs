using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Messaging.Sms;

/// <summary>
/// The hours of the recipient's day in which no automated SMS goes out, from <paramref name="Start"/> to
/// <paramref name="End"/> on the recipient's wall clock (21:00–08:00 spans midnight). A message that falls due inside
/// them waits for their end; it is not dropped.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>When a message due at <paramref name="now"/> may go in <paramref name="zoneId"/>: null when it may go now.</summary>
    public DateTimeOffset? DeferredUntil(DateTimeOffset now, string zoneId)
    {
        if (Start == End)
        {
            return null;
        }

        var zone = TimeZones.Find(zoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inside = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!inside)
        {
            return null;
        }

        // The end on the same local day, or on the next when the quiet hours span midnight and it is evening now.
        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (Start > End && time >= Start)
        {
            endDate = endDate.AddDays(1);
        }

        var endLocal = endDate.ToDateTime(End);
        while (zone.IsInvalidTime(endLocal))
        {
            // The end falls in a spring-forward gap: the first minute that exists after it.
            endLocal = endLocal.AddMinutes(1);
        }

        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal)).ToUniversalTime();
    }

    /// <summary>Reads "21:00-08:00"; null for text that is not two times of day joined by '-'.</summary>
    public static QuietHours? Parse(string? text)
    {
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        return parts is [var start, var end]
            && TimeOnly.TryParseExact(start, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var s)
            && TimeOnly.TryParseExact(end, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var e)
            ? new QuietHours(s, e)
            : null;
    }
}
