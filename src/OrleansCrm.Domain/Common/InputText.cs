namespace OrleansCrm.Domain.Common;

/// <summary>
/// The one check every string that enters the system passes, whatever route, field, query
/// parameter, header or file cell it comes in: no control characters (PostgreSQL refuses NUL, and
/// nobody means one), no broken UTF-16, and no card number.
/// </summary>
public static class InputText
{
    /// <summary>What is wrong with a strict value (an id, a key, a name, an email…), or null when nothing is.</summary>
    public static string? ProblemWith(string value) => ProblemWith(value, freeText: false);

    /// <summary>The value as it may be kept, once <see cref="ProblemWith(string, bool)"/> found nothing: free text has its card numbers cut.</summary>
    public static string Clean(string value, bool freeText) => freeText ? CardNumbers.Redact(value) : value;

    /// <summary>What is wrong with the value, or null when it may be taken (after <see cref="Clean"/>).</summary>
    public static string? ProblemWith(string value, bool freeText)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "is not valid Unicode text (a broken surrogate pair).";
            }

            if (char.IsControl(c) && !(freeText && c is '\t' or '\n' or '\r'))
            {
                return freeText
                    ? $"must not contain control characters (U+{(int)c:X4}); only tabs and line breaks are allowed."
                    : $"must not contain control characters (U+{(int)c:X4}).";
            }
        }

        if (!freeText && CardNumbers.ContainsPan(value))
        {
            return "looks like a card number. The CRM takes no card data: send a payment provider's token instead.";
        }

        return null;
    }

    /// <summary>Checks one value into a validator under its field name.</summary>
    public static bool Check(Validator v, string field, string? value, bool freeText = false)
    {
        if (value is null || ProblemWith(value, freeText) is not { } problem)
        {
            return true;
        }

        v.Add(field, problem);
        return false;
    }
}
