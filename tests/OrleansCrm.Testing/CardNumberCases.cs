using System.Text;
using System.Text.Json.Nodes;

namespace OrleansCrm.Testing;

/// <summary>
/// Card numbers typed every way a person or a paste can type them — bare, spaced, dashed, dotted,
/// doubled spaces, tabs, underscores, slashes, no-break spaces, full-width and Arabic-Indic digits —
/// into every string field, query parameter, path id and Idempotency-Key of every operation of the
/// OpenAPI document.
/// </summary>
public static class CardNumberCases
{
    /// <summary>Test numbers of three brands (Luhn-valid), as digits.</summary>
    public static readonly string[] Numbers = ["4111111111111111", "5555555555554444", "378282246310005"];

    public static readonly IReadOnlyList<(string Style, Func<string, string> Write)> Styles =
    [
        ("bare", d => d),
        ("spaces", d => Grouped(d, " ")),
        ("dashes", d => Grouped(d, "-")),
        ("dots", d => Grouped(d, ".")),
        ("double spaces", d => Grouped(d, "  ")),
        ("tabs", d => Grouped(d, "\t")),
        ("underscores", d => Grouped(d, "_")),
        ("slashes", d => Grouped(d, "/")),
        ("no-break spaces", d => Grouped(d, "\u00A0")),
        ("spaced dashes", d => Grouped(d, " - ")),
        ("full-width digits", d => Digits(d, '\uFF10')),
        ("Arabic-Indic digits", d => Digits(d, '\u0660')),
    ];

    /// <summary>The i-th of every (number, style) pair, so consecutive fields get different ones and all are used.</summary>
    public static string Variant(int i)
    {
        var (_, write) = Styles[i % Styles.Count];
        return write(Numbers[i / Styles.Count % Numbers.Length]);
    }

    public static IEnumerable<ProbeRequest> For(OpenApiProbe probe)
    {
        var i = 0;
        foreach (var op in probe.Operations())
        {
            foreach (var p in op.Parameters.Where(p => p.In == "path"))
            {
                yield return new ProbeRequest(op, $"path {p.Name}", OpenApiProbe.UrlOf(op, p.Name, Uri.EscapeDataString(Variant(i++))), BodyOf(probe, op), null);
            }

            foreach (var p in op.Parameters.Where(p => p.In == "query" && OpenApiProbe.TypeOf(p.Schema) == "string"))
            {
                yield return new ProbeRequest(op, $"query {p.Name}", OpenApiProbe.UrlOf(op, query: $"{p.Name}={Uri.EscapeDataString(Variant(i++))}"), BodyOf(probe, op), null);
            }

            if (op.Method is "POST" or "PUT" or "PATCH")
            {
                yield return new ProbeRequest(op, "Idempotency-Key", OpenApiProbe.UrlOf(op), BodyOf(probe, op), null, new Dictionary<string, string> { ["Idempotency-Key"] = Variant(i++) });
            }

            if (op.Body is null)
            {
                continue;
            }

            var sample = probe.Sample(op.Body) ?? new JsonObject();
            foreach (var field in probe.Fields(op.Body).Where(f => OpenApiProbe.TypeOf(f.Schema) == "string" && f.Schema["enum"] is null))
            {
                var pan = Variant(i++);
                yield return new ProbeRequest(op, $"{field.Name}", OpenApiProbe.UrlOf(op), OpenApiProbe.Json(OpenApiProbe.With(sample, field.Path, _ => JsonValue.Create(pan))), null);
                yield return new ProbeRequest(op, $"{field.Name} in a sentence", OpenApiProbe.UrlOf(op),
                    OpenApiProbe.Json(OpenApiProbe.With(sample, field.Path, _ => JsonValue.Create($"card {Variant(i++)} exp 12/29"))), null);
            }
        }
    }

    /// <summary>The text with every digit in ASCII and the separators between digits taken out: a typed card number becomes its bare digits.</summary>
    public static string Normalized(string text)
    {
        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            digits.Append(char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c);
        }

        var joined = new StringBuilder(digits.Length);
        var s = digits.ToString();
        for (var k = 0; k < s.Length; k++)
        {
            if (!char.IsLetterOrDigit(s[k]) && joined.Length > 0 && char.IsAsciiDigit(joined[^1]))
            {
                var next = k;
                while (next < s.Length && next - k < 3 && !char.IsLetterOrDigit(s[next]))
                {
                    next++;
                }

                if (next < s.Length && char.IsAsciiDigit(s[next]))
                {
                    k = next - 1;
                    continue;
                }
            }

            joined.Append(s[k]);
        }

        return joined.ToString();
    }

    /// <summary>Which test numbers the text holds, however they were typed (their last four digits).</summary>
    public static IEnumerable<string> Found(string text)
    {
        var normalized = Normalized(text);
        return Numbers.Where(n => normalized.Contains(n, StringComparison.Ordinal)).Select(n => n[^4..]);
    }

    private static HttpContent? BodyOf(OpenApiProbe probe, ApiOperation op) => op.Body is null ? null : OpenApiProbe.Json(probe.Sample(op.Body));

    private static string Grouped(string digits, string separator)
    {
        var sizes = digits.Length == 15 ? new[] { 4, 6, 5 } : [4, 4, 4, 4];
        var groups = new List<string>();
        var at = 0;
        foreach (var size in sizes)
        {
            groups.Add(digits.Substring(at, size));
            at += size;
        }

        return string.Join(separator, groups);
    }

    private static string Digits(string digits, char zero) => string.Concat(digits.Select(d => (char)(zero + (d - '0'))));
}
