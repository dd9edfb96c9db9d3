using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrleansCrm.Testing;

/// <summary>What a run of every bad-input case found.</summary>
public sealed record BadInputRun(int Operations, int Sent, IReadOnlyList<string> Faults, IReadOnlyList<string> Changed)
{
    public string Report() =>
        $"{Faults.Count} faults in {Sent} requests over {Operations} operations:\n" + string.Join("\n", Faults.Take(80))
        + (Changed.Count == 0 ? "" : $"\n{Changed.Count} read-backs changed:\n" + string.Join("\n", Changed.Take(20)));
}

/// <summary>
/// Bad input for every operation of the OpenAPI document: broken and wrong-typed bodies, and for
/// every field and parameter the values nobody may send — control characters, over-long strings,
/// far-future and offset-less instants, amounts below any currency's precision, huge numbers,
/// endless lists, unknown properties. Each case must be a 4xx problem that changes nothing; where
/// the value is refused while the body is read, the 400 must name the field.
/// </summary>
public static partial class BadInputCases
{
    public static IEnumerable<ProbeRequest> For(OpenApiProbe probe)
    {
        foreach (var op in probe.Operations())
        {
            foreach (var c in PathCases(op))
            {
                yield return c;
            }

            foreach (var c in QueryCases(op))
            {
                yield return c;
            }

            if (op.Body is not null)
            {
                foreach (var c in BodyCases(probe, op))
                {
                    yield return c;
                }
            }
        }
    }

    private static IEnumerable<ProbeRequest> PathCases(ApiOperation op)
    {
        var body = op.Body is null ? null : OpenApiProbe.Raw("{}");
        foreach (var p in op.Parameters.Where(p => p.In == "path"))
        {
            // A NUL in a path never reaches the app: the server refuses the request line (a test of its own covers it).
            yield return new ProbeRequest(op, $"path {p.Name} with a control character", OpenApiProbe.UrlOf(op, p.Name, "a%07b"), body is null ? null : OpenApiProbe.Raw("{}"), p.Name);
            yield return new ProbeRequest(op, $"path {p.Name} as a card number", OpenApiProbe.UrlOf(op, p.Name, "4111111111111111"), body is null ? null : OpenApiProbe.Raw("{}"), p.Name);
            yield return new ProbeRequest(op, $"path {p.Name} over-long", OpenApiProbe.UrlOf(op, p.Name, new string('x', 2000)), body is null ? null : OpenApiProbe.Raw("{}"), null);
        }
    }

    private static IEnumerable<ProbeRequest> QueryCases(ApiOperation op)
    {
        foreach (var p in op.Parameters.Where(p => p.In == "query"))
        {
            var type = OpenApiProbe.TypeOf(p.Schema);
            var format = p.Schema["format"]?.GetValue<string>();
            var values = new List<string> { "a%00b", "a%1Bb", "4111%201111%201111%201111" };
            if (type is "integer" or "number")
            {
                values.AddRange(["abc", "99999999999999999999", "1.5e400"]);
            }
            else if (type == "boolean")
            {
                values.Add("maybe");
            }
            else if (format == "date-time")
            {
                values.AddRange(["yesterday", "next-week", "9999-12-31T23:00:00Z", "2026-12-04T10:00:00", "0001-01-01T00:00:00Z"]);
            }

            foreach (var value in values)
            {
                yield return new ProbeRequest(op, $"query {p.Name}={value}", OpenApiProbe.UrlOf(op, query: $"{p.Name}={value}"), op.Body is null ? null : OpenApiProbe.Raw("{}"), p.Name);
            }
        }
    }

    private static IEnumerable<ProbeRequest> BodyCases(OpenApiProbe probe, ApiOperation op)
    {
        var url = OpenApiProbe.UrlOf(op);
        var sample = probe.Sample(op.Body) ?? new JsonObject();
        yield return new ProbeRequest(op, "malformed JSON", url, OpenApiProbe.Raw("{\"a\": "), null);
        yield return new ProbeRequest(op, "a JSON string instead of the body", url, OpenApiProbe.Raw("\"text\""), null);
        yield return new ProbeRequest(op, "a NUL in the raw body", url, OpenApiProbe.Raw("{\"\u0000\": 1}"), null);
        yield return new ProbeRequest(op, "text/plain", url, OpenApiProbe.Raw(sample.ToJsonString(), "text/plain"), null);
        if (sample is JsonObject)
        {
            yield return new ProbeRequest(op, "an unknown property", url, OpenApiProbe.Json(OpenApiProbe.With(sample, [], b => { b!.AsObject()["zzUnknown"] = 1; return b; })), "zzUnknown");
        }

        foreach (var field in probe.Fields(op.Body))
        {
            foreach (var (what, value, named) in ValuesFor(field))
            {
                yield return new ProbeRequest(op, $"{field.Name} {what}", url, OpenApiProbe.Json(OpenApiProbe.With(sample, field.Path, _ => value)), named ? field.Name : null);
            }
        }
    }

    /// <summary>The bad values of one field, and whether the 400 must name the field (refused while reading).</summary>
    private static IEnumerable<(string What, JsonNode? Value, bool Named)> ValuesFor(BodyField field)
    {
        var type = OpenApiProbe.TypeOf(field.Schema);
        var format = field.Schema["format"]?.GetValue<string>();
        switch (type)
        {
            case "string" when field.Schema["enum"] is JsonArray:
                yield return ("an unknown enum value", JsonValue.Create("zzNotAValue"), true);
                yield return ("a lower-case enum value", JsonValue.Create(field.Schema["enum"]![0]!.GetValue<string>().ToLowerInvariant() + "x"), true);
                yield return ("a number for an enum", JsonValue.Create(1), true);
                break;
            case "string" when format == "date-time":
                yield return ("far in the future", JsonValue.Create("9999-12-31T23:00:00Z"), true);
                yield return ("without an offset", JsonValue.Create("2026-12-04T10:00:00"), true);
                yield return ("before 2000", JsonValue.Create("0001-01-01T00:00:00Z"), true);
                yield return ("not an instant", JsonValue.Create("next-week"), true);
                break;
            case "string":
                yield return ("with a NUL", JsonValue.Create("a\u0000b"), true);
                yield return ("with an escape character", JsonValue.Create("a\u001bb"), true);
                yield return ("with a lone surrogate", JsonValue.Create(OpenApiProbe.LoneSurrogate), true);
                yield return ("of 100,000 characters", JsonValue.Create(new string('x', 100_000)), false);
                yield return ("as a number", JsonValue.Create(5), true);
                break;
            case "integer":
                yield return ("as a string", JsonValue.Create("1"), true);
                yield return ("huge", JsonNode.Parse("1e300"), true);
                yield return ("with a fraction", JsonValue.Create(1.5), true);
                yield return ("very large", JsonValue.Create(long.MaxValue), false);
                yield return ("negative", JsonValue.Create(-1_000_000), false);
                break;
            case "number":
                yield return ("as a string", JsonValue.Create("1"), true);
                yield return ("huge", JsonNode.Parse("1e300"), true);
                yield return ("below any currency's precision", JsonNode.Parse("1e-30"), true);
                yield return ("negative", JsonValue.Create(-5), false);
                yield return ("past the largest amount", JsonNode.Parse("79228162514264337593543950335"), false);
                break;
            case "boolean":
                yield return ("as a string", JsonValue.Create("true"), true);
                break;
            case "array":
                yield return ("as an object", new JsonObject(), true);
                yield return ("with 5,000 items", new JsonArray(Enumerable.Range(0, 5000).Select(_ => (JsonNode?)null).ToArray()), false);
                break;
            case "object":
                yield return ("as an array", new JsonArray(), true);
                yield return ("as a string", JsonValue.Create("x"), true);
                break;
        }
    }

    /// <summary>What every answer to bad input must be: a 4xx problem, never a 5xx, never an echo of a card number.</summary>
    public static string? Fault(ProbeRequest request, HttpStatusCode status, string? contentType, string body)
    {
        var code = (int)status;
        if (code is < 400 or >= 500)
        {
            return $"{request}: answered {code}, not a 4xx";
        }

        if (contentType != "application/problem+json")
        {
            return $"{request}: answered {code} as {contentType ?? "no content type"}, not application/problem+json";
        }

        if (body.Contains("4111111111111111", StringComparison.Ordinal) || body.Contains("4111 1111 1111 1111", StringComparison.Ordinal))
        {
            return $"{request}: the problem echoes the card number";
        }

        if (request.MustName is { } field && code == 400 && !OpenApiProbe.Names(body, field))
        {
            return $"{request}: the 400 does not name '{field}': {Shorten(body)}";
        }

        return null;
    }

    /// <summary>Every GET the API has, path ids filled in, answered the same way (trace ids aside): a read-back of everything.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadEverythingAsync(HttpClient client, OpenApiProbe probe, IEnumerable<string>? extraUrls = null)
    {
        var urls = probe.Operations().Where(o => o.Method == "GET" && !o.Path.StartsWith("/health", StringComparison.Ordinal) && !o.Path.StartsWith("/swagger", StringComparison.Ordinal))
            .Select(o => OpenApiProbe.UrlOf(o)).Concat(extraUrls ?? []).Distinct().ToList();
        var seen = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            seen[url] = $"{(int)response.StatusCode} {TraceId().Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"-\"")}";
        }

        return seen;
    }

    /// <summary>Sends every case; returns how many were sent and what went wrong, with a read-back of everything before and after.</summary>
    public static async Task<BadInputRun> RunAsync(HttpClient client)
    {
        var probe = await OpenApiProbe.LoadAsync(client);
        var before = await ReadEverythingAsync(client, probe);
        var faults = new List<string>();
        var sent = 0;
        foreach (var request in For(probe))
        {
            sent++;
            var (status, contentType, body) = await OpenApiProbe.SendAsync(client, request);
            if (Fault(request, status, contentType, body) is { } fault)
            {
                faults.Add(fault);
            }
        }

        var after = await ReadEverythingAsync(client, probe);
        var changed = before.Where(b => !after.TryGetValue(b.Key, out var a) || a != b.Value).Select(b => $"GET {b.Key}: {Shorten(b.Value)} → {Shorten(after.GetValueOrDefault(b.Key) ?? "(gone)")}").ToList();
        return new BadInputRun(probe.Operations().Count, sent, faults, changed);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
