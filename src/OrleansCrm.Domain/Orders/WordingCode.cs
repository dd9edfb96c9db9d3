namespace OrleansCrm.Domain.Orders;

/// <summary>One sentence the order can say: its code and the names of the values it supplies, in order.</summary>
public sealed record WordingCode(string Code, IReadOnlyList<string> Values)
{
    /// <summary>The sentence with its values, given in the order of <see cref="Values"/>; a null value is left out (an optional part).</summary>
    public Wording With(params string?[] values)
    {
        if (values.Length != Values.Count)
        {
            throw new ArgumentException($"Wording '{Code}' takes {Values.Count} values ({string.Join(", ", Values)}), not {values.Length}.", nameof(values));
        }

        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                given[Values[i]] = value;
            }
        }

        return new Wording(Code, given);
    }
}
