using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OrleansCrm.Infrastructure.Hosting;

/// <summary>How every host reads a setting: absent is the default; a bad value stops startup with a message naming its key.</summary>
public static class SettingValues
{
    /// <summary>A positive duration such as <c>00:01:00</c>.</summary>
    public static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw new InvalidOperationException($"Configuration '{key}' must be a positive duration such as 00:01:00; it is '{value}'.");
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>.</summary>
    public static long Whole(IConfiguration configuration, string key, long fallback, long max)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= max
            ? number
            : throw new InvalidOperationException($"Configuration '{key}' must be a whole number from 1 to {max}; it is '{value}'.");
    }
}
