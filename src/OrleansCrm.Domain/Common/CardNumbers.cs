using System.Text;
using System.Text.RegularExpressions;

namespace OrleansCrm.Domain.Common;

/// <summary>
/// The CRM keeps no card data (PCI). 13 to 19 digits, in groups separated by single spaces or
/// dashes, that pass the Luhn check are a card number (PAN): card fields refuse it, free text
/// keeps only its last four digits.
/// </summary>
public static partial class CardNumbers
{
    public const int MinDigits = 13;
    public const int MaxDigits = 19;

    /// <summary>Whether the whole value is a card number (what a card field must never receive).</summary>
    public static bool LooksLikePan(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var trimmed = value.Trim();
        return DigitRun().Match(trimmed) is { Success: true } m && m.Length == trimmed.Length && IsPan(Digits(trimmed));
    }

    /// <summary>Whether any card number hides anywhere in the text.</summary>
    public static bool ContainsPan(string? text) => text is not null && Redact(text) != text;

    /// <summary>The text with every card number cut down to its last four digits, as help desks do.</summary>
    public static string Redact(string text) => DigitRun().Replace(text, m => RedactRun(m.Value));

    /// <summary>
    /// A run of digit groups may hold other numbers around a card number ("qty 2 4111 1111 1111 1111"),
    /// so every span of whole groups is tried, the longest card number from each start kept.
    /// </summary>
    private static string RedactRun(string run)
    {
        var groups = GroupPattern().Matches(run).Select(m => m.Value).ToList();
        var separators = SeparatorPattern().Matches(run).Select(m => m.Value).ToList();
        var output = new StringBuilder();
        var i = 0;
        while (i < groups.Count)
        {
            var end = LongestPanFrom(groups, i);
            if (i > 0)
            {
                output.Append(separators[i - 1]);
            }

            if (end < 0)
            {
                output.Append(groups[i]);
                i++;
                continue;
            }

            var digits = string.Concat(groups.Skip(i).Take(end - i + 1));
            output.Append("XXXX XXXX XXXX ").Append(digits[^4..]);
            i = end + 1;
        }

        return output.ToString();
    }

    private static int LongestPanFrom(List<string> groups, int start)
    {
        var found = -1;
        var digits = new StringBuilder();
        for (var end = start; end < groups.Count; end++)
        {
            digits.Append(groups[end]);
            if (digits.Length > MaxDigits)
            {
                break;
            }

            if (IsPan(digits.ToString()))
            {
                found = end;
            }
        }

        return found;
    }

    private static bool IsPan(string digits) =>
        digits.Length is >= MinDigits and <= MaxDigits && digits.All(char.IsAsciiDigit) && PassesLuhn(digits);

    private static string Digits(string value) => new(value.Where(char.IsAsciiDigit).ToArray());

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

    // Groups of digits joined by single spaces or dashes, not glued to other digits.
    [GeneratedRegex(@"(?<![0-9])[0-9]+(?:[ \-][0-9]+)*(?![0-9])")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex GroupPattern();

    [GeneratedRegex(@"[ \-]")]
    private static partial Regex SeparatorPattern();
}
