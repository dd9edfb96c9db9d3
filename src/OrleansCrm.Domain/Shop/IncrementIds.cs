using System.Text.RegularExpressions;

namespace OrleansCrm.Domain.Shop;

/// <summary>
/// Magento re-creates an order edited in its admin: the old one is cancelled and the new one is numbered
/// <c>&lt;original&gt;-1</c>, then <c>-2</c>, …; every edition of one sale shares the original number (the chain base).
/// </summary>
public static partial class IncrementIds
{
    /// <summary>The original increment id of the chain: <c>100000123-2</c> → <c>100000123</c>.</summary>
    public static string ChainBase(string incrementId)
    {
        var match = EditionSuffix().Match(incrementId);
        return match.Success ? incrementId[..match.Index] : incrementId;
    }

    /// <summary>The edition: <c>100000123</c> → 0, <c>100000123-1</c> → 1.</summary>
    public static int Edition(string incrementId)
    {
        var match = EditionSuffix().Match(incrementId);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, out var edition) ? edition : 0;
    }

    [GeneratedRegex(@"-([1-9][0-9]{0,3})\z")]
    private static partial Regex EditionSuffix();
}
