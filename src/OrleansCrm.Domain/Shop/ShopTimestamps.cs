using System.Globalization;

namespace OrleansCrm.Domain.Shop;

/// <summary>Magento writes its timestamps in UTC without a zone marker (<c>2026-03-08 06:59:59</c>): read them as UTC, never as local time.</summary>
public static class ShopTimestamps
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFF"];

    /// <summary>The instant, in UTC; a string with an explicit offset or Z is honoured. False when it is no timestamp.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            return true;
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withZone) && HasZone(trimmed))
        {
            instant = withZone.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>The shop's own spelling of an instant (UTC, no zone marker), for the connector's watermark filter.</summary>
    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static bool HasZone(string text) => text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
