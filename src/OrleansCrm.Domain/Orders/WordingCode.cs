namespace OrleansCrm.Domain.Orders;

/// <summary>One sentence the order can say: its code and the names of the values it supplies, in order.</summary>
public sealed record WordingCode(string Code, IReadOnlyList<string> Values)
{
    /// <summary>
    /// The sentence with its values, given in the order of <see cref="Values"/>: a text, a <see cref="Wording"/> (a
    /// sentence inside the sentence), or a list of them; a null value is left out (an optional part).
    /// </summary>
    public Wording With(params object?[] values)
    {
        if (values.Length != Values.Count)
        {
            throw new ArgumentException($"Wording '{Code}' takes {Values.Count} values ({string.Join(", ", Values)}), not {values.Length}.", nameof(values));
        }

        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = new Dictionary<string, IReadOnlyList<Wording>>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            switch (values[i])
            {
                case null:
                    break;
                case string text:
                    given[Values[i]] = text;
                    break;
                case Wording part:
                    parts[Values[i]] = [part];
                    break;
                case IReadOnlyList<Wording> list:
                    parts[Values[i]] = list;
                    break;
                default:
                    throw new ArgumentException($"Wording '{Code}' takes texts and wordings, not a {values[i]!.GetType().Name} for '{Values[i]}'.", nameof(values));
            }
        }

        return parts.Count == 0 ? new Wording(Code, given) : new Wording(Code, given) { Parts = parts };
    }
}
