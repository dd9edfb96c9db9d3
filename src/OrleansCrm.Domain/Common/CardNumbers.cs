using System.Text.RegularExpressions;

namespace OrleansCrm.Domain.Common;

/// <summary>
/// The CRM keeps no card data (PCI). A run of 13 to 19 digits, spaces or dashes allowed, that
/// passes the Luhn check is a card number (PAN): card fields refuse it, free text keeps only its last four digits.
/// </summary>
public static partial class CardNumbers
{
    public static bool LooksLikePan(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var match = PanCandidate().Match(value);
        return match.Success && match.Length == value.Trim().Length && IsPan(match.Value);
    }

    /// <summary>Whether any card number hides anywhere in the text.</summary>
    public static bool ContainsPan(string? text) =>
        text is not null && PanCandidate().Matches(text).Any(m => IsPan(m.Value));

    /// <summary>The text with every card number cut down to its last four digits, as help desks do.</summary>
    public static string Redact(string text) =>
        PanCandidate().Replace(text, m => IsPan(m.Value) ? "XXXX XXXX XXXX " + Digits(m.Value)[^4..] : m.Value);

    private static bool IsPan(string candidate)
    {
        var digits = Digits(candidate);
        return digits.Length is >= 13 and <= 19 && PassesLuhn(digits);
    }

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

    // Digits with single spaces or dashes between them, not glued to other digits.
    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ \-]?[0-9]){12,18}(?![0-9])")]
    private static partial Regex PanCandidate();
}
