namespace OrleansCrm.Domain.Common;

/// <summary>IANA time zones only: a Windows id or an offset is not a place a customer lives in.</summary>
public static class TimeZones
{
    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        // The runtime's zone cache ignores case, so the spelling is compared too: one zone, one way to write it.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId || !string.Equals(found.Id, id, StringComparison.Ordinal))
        {
            return false;
        }

        zone = found;
        return true;
    }

    public static TimeZoneInfo Find(string id) =>
        TryFind(id, out var zone) ? zone : throw new ArgumentException($"Unknown IANA time zone '{id}'.", nameof(id));

    /// <summary>An instant as the wall clock shows it in a zone, with the offset in force then.</summary>
    public static DateTimeOffset LocalTime(DateTimeOffset instant, string zoneId) =>
        TimeZoneInfo.ConvertTime(instant, Find(zoneId));

    /// <summary>The calendar date of an instant in a zone, as a customer reads it (2026-03-17).</summary>
    public static string LocalDate(DateTimeOffset instant, string zoneId) =>
        LocalTime(instant, zoneId).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
