using System.Globalization;
using System.Text;

namespace OrleansCrm.Domain.Messaging.Sms;

/// <summary>
/// Counts SMS segments by GSM 03.38: GSM-7 when every character is in the default alphabet (the extension
/// table's characters take two septets: an escape and the character), 160 septets in one segment, 153 per part
/// of a concatenated message; otherwise UCS-2, counted in UTF-16 code units, 70 in one segment, 67 per part,
/// and a surrogate pair is never split across two parts.
/// </summary>
public static class SmsSegments
{
    public const int Gsm7SingleSegment = 160;
    public const int Gsm7ConcatenatedSegment = 153;
    public const int Ucs2SingleSegment = 70;
    public const int Ucs2ConcatenatedSegment = 67;

    private const string BasicSet =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string ExtensionTable = "\f^{}\\[~]|€";

    private static readonly HashSet<char> Basic = [.. BasicSet];
    private static readonly HashSet<char> Extension = [.. ExtensionTable];

    /// <summary>Whether the character is in the GSM-7 basic set.</summary>
    public static bool IsGsm7Basic(char c) => Basic.Contains(c);

    /// <summary>Whether the character is in the GSM-7 extension table (it takes two septets).</summary>
    public static bool IsGsm7Extension(char c) => Extension.Contains(c);

    public static SmsSegmentCount Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var septets = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Basic.Contains(c))
            {
                septets++;
            }
            else if (Extension.Contains(c))
            {
                septets += 2;
            }
            else
            {
                return CountUcs2(text, i);
            }
        }

        return new SmsSegmentCount(SmsEncoding.Gsm7, septets, Gsm7Segments(text, septets), null, -1);
    }

    private static int Gsm7Segments(string text, int septets)
    {
        if (septets == 0)
        {
            return 0;
        }

        if (septets <= Gsm7SingleSegment)
        {
            return 1;
        }

        // An escape and its character stay in one part: a part that would end on an escape ends one septet early.
        var segments = 1;
        var used = 0;
        foreach (var c in text)
        {
            var width = Extension.Contains(c) ? 2 : 1;
            if (used + width > Gsm7ConcatenatedSegment)
            {
                segments++;
                used = 0;
            }

            used += width;
        }

        return segments;
    }

    private static SmsSegmentCount CountUcs2(string text, int firstNonGsm)
    {
        var forcedBy = char.IsHighSurrogate(text[firstNonGsm]) && firstNonGsm + 1 < text.Length && char.IsLowSurrogate(text[firstNonGsm + 1])
            ? text.Substring(firstNonGsm, 2)
            : text[firstNonGsm].ToString();
        var units = text.Length;
        int segments;
        if (units <= Ucs2SingleSegment)
        {
            segments = 1;
        }
        else
        {
            segments = 1;
            var used = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                if (used + width > Ucs2ConcatenatedSegment)
                {
                    segments++;
                    used = 0;
                }

                used += width;
                i += width - 1;
            }
        }

        return new SmsSegmentCount(SmsEncoding.Ucs2, units, segments, forcedBy, firstNonGsm);
    }

    /// <summary>A short human description of a character (e.g. "’ (U+2019)").</summary>
    public static string Describe(string character)
    {
        ArgumentNullException.ThrowIfNull(character);
        var code = Rune.TryGetRuneAt(character, 0, out var rune) ? rune.Value : character[0];
        return string.Create(CultureInfo.InvariantCulture, $"{character} (U+{code:X4})");
    }
}
