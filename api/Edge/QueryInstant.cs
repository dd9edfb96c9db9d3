using System.Diagnostics.CodeAnalysis;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// An instant in a query string (<c>?from=…</c>): the same rule as in bodies — an offset, inside the
/// documented range — so a bare local time or a far-future value is a 400 naming the parameter.
/// </summary>
public readonly record struct QueryInstant(DateTimeOffset Value)
{
    public static bool TryParse(string? text, IFormatProvider? provider, [MaybeNullWhen(false)] out QueryInstant result)
    {
        var ok = Instants.TryRead(text, out var instant, out _);
        result = new QueryInstant(instant);
        return ok;
    }
}
