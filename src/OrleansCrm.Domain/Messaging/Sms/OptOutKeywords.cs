namespace OrleansCrm.Domain.Messaging.Sms;

/// <summary>What a reply from a customer asks: the whole text, case and spaces ignored, is the keyword.</summary>
public static class OptOutKeywords
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal) { "STOP", "UNSUBSCRIBE", "ARRET", "BASTA" };

    /// <summary>True to opt out, false to opt back in (<c>START</c>), null when the text is no keyword.</summary>
    public static bool? OptsOut(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var word = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (Stop.Contains(word))
        {
            return true;
        }

        return string.Equals(word, "START", StringComparison.Ordinal) ? false : null;
    }
}
