using System.Buffers;
using System.Globalization;
using System.Text;

namespace OrleansCrm.Domain.Common;

/// <summary>
/// The CRM keeps no card data (PCI). 13 to 19 digits that pass the Luhn check are a card number
/// (PAN), however they are written: any Unicode decimal digits (full-width, Arabic-Indic, …), in
/// groups split by spaces of any kind, tabs, dashes, dots, underscores or slashes (a few in a row).
/// Card fields refuse it, free text keeps only its last four digits. A run of digits that starts
/// with '+' is a phone number (E.164), never a card number.
/// </summary>
public static class CardNumbers
{
    public const int MinDigits = 13;
    public const int MaxDigits = 19;

    /// <summary>The longest group of digits in a card number written in groups (4-4-4-4, 4-6-5, …).</summary>
    private const int MaxGroupDigits = 8;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>How many separator characters may stand between two groups of one card number.</summary>
    private const int MaxSeparatorRun = 3;

    /// <summary>Whether the whole value is a card number (what a card field must never receive).</summary>
    public static bool LooksLikePan(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var spans = FindPans(trimmed);
        return spans.Count == 1 && spans[0].Start == 0 && spans[0].End == trimmed.Length;
    }

    /// <summary>Whether any card number hides anywhere in the text.</summary>
    public static bool ContainsPan(string? text) => text is not null && FindPans(text).Count > 0;

    /// <summary>The text with every card number cut down to its last four digits, as help desks do.</summary>
    public static string Redact(string text)
    {
        var spans = FindPans(text);
        if (spans.Count == 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end, lastFour) in spans)
        {
            output.Append(text, at, start - at).Append("XXXX XXXX XXXX ").Append(lastFour);
            at = end;
        }

        return output.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The 0–9 value of any Unicode decimal digit, or -1.</summary>
    public static int DigitValue(char c)
    {
        if (char.IsAsciiDigit(c))
        {
            return c - '0';
        }

        return char.IsDigit(c) ? CharUnicodeInfo.GetDecimalDigitValue(c) : -1;
    }

    private static bool IsSeparator(char c) =>
        c is '-' or '.' or '_' or '/' or '\t' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFF0D' or '\uFF0E' or '\uFF3F' or '\uFF0F' or '\u30FB'
        || char.IsWhiteSpace(c);

    /// <summary>Every card number in the text: where it starts and ends, and its last four digits in ASCII.</summary>
    private static List<(int Start, int End, string LastFour)> FindPans(string text)
    {
        var found = new List<(int, int, string)>();
        var i = 0;
        while (i < text.Length)
        {
            if (DigitValue(text[i]) < 0)
            {
                i++;
                continue;
            }

            var groups = ReadRun(text, i, out var runEnd);
            var isPhone = i > 0 && text[i - 1] is ('+' or '\uFF0B');
            if (!isPhone && !InHexIdentifier(text, i, runEnd))
            {
                FindInRun(groups, found);
            }

            i = runEnd;
        }

        return found;
    }

    /// <summary>
    /// Hex identifiers (ids of customers, notes, transactions; GUIDs) hold digit runs by chance: a run glued
    /// to a letter of a token made only of hex digits is part of that token, not a card number. A run glued
    /// to any other letter ("card4111…") is still one.
    /// </summary>
    private static bool InHexIdentifier(string text, int start, int end)
    {
        var left = start > 0 && char.IsAsciiLetter(text[start - 1]);
        var right = end < text.Length && char.IsAsciiLetter(text[end]);
        if (!left && !right)
        {
            return false;
        }

        var from = start;
        while (from > 0 && char.IsAsciiLetterOrDigit(text[from - 1]))
        {
            from--;
        }

        var to = end;
        while (to < text.Length && char.IsAsciiLetterOrDigit(text[to]))
        {
            to++;
        }

        return text.AsSpan(from, to - from).IndexOfAnyExcept(HexDigits) < 0;
    }

    /// <summary>Groups of digits joined by short separator runs, from <paramref name="start"/>.</summary>
    private static List<(int Start, int End, string Digits)> ReadRun(string text, int start, out int runEnd)
    {
        var groups = new List<(int, int, string)>();
        var i = start;
        while (true)
        {
            var digits = new StringBuilder();
            var groupStart = i;
            while (i < text.Length && DigitValue(text[i]) is var d and >= 0)
            {
                digits.Append((char)('0' + d));
                i++;
            }

            groups.Add((groupStart, i, digits.ToString()));
            var j = i;
            while (j < text.Length && j - i < MaxSeparatorRun && IsSeparator(text[j]))
            {
                j++;
            }

            if (j == i || j >= text.Length || DigitValue(text[j]) < 0)
            {
                runEnd = i;
                return groups;
            }

            i = j;
        }
    }

    /// <summary>
    /// A run of groups may hold other numbers around a card number ("qty 2 4111 1111 1111 1111"),
    /// so every span of whole groups is tried, the longest card number from each start kept. A card
    /// number is written whole or in groups of at most <see cref="MaxGroupDigits"/> digits, so a longer
    /// group joined to others (a timestamp in an id: <c>bk-agent-1-202612051400-1</c>) is not one.
    /// </summary>
    private static void FindInRun(List<(int Start, int End, string Digits)> groups, List<(int, int, string)> found)
    {
        var g = 0;
        while (g < groups.Count)
        {
            var digits = new StringBuilder();
            var last = -1;
            for (var end = g; end < groups.Count; end++)
            {
                digits.Append(groups[end].Digits);
                if (digits.Length > MaxDigits || (end > g && groups.Skip(g).Take(end - g + 1).Any(x => x.Digits.Length > MaxGroupDigits)))
                {
                    break;
                }

                if (IsPan(digits.ToString()))
                {
                    last = end;
                }
            }

            if (last < 0)
            {
                g++;
                continue;
            }

            var all = string.Concat(groups.Skip(g).Take(last - g + 1).Select(x => x.Digits));
            found.Add((groups[g].Start, groups[last].End, all[^4..]));
            g = last + 1;
        }
    }

    private static bool IsPan(string digits) => digits.Length is >= MinDigits and <= MaxDigits && PassesLuhn(digits);

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
