using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansCrm.Testing;

/// <summary>One operation of the OpenAPI document: its method, path template, parameters and body schema.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonNode? Body)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A path or query parameter and its schema.</summary>
public sealed record ApiParameter(string Name, string In, JsonNode Schema);

/// <summary>A field of a request body: its JSON path (as the problem response names it) and its schema.</summary>
public sealed record BodyField(IReadOnlyList<object> Path, JsonNode Schema)
{
    /// <summary>"address.city", "items[0].quantity", "productPrice.USD": the way a 400 names it.</summary>
    public string Name => Render(Path);

    public static string Render(IEnumerable<object> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment is int index)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(segment);
            }
        }

        return text.Length == 0 ? "body" : text.ToString();
    }
}

/// <summary>A request made from an operation: what to send and what the answer must name.</summary>
public sealed record ProbeRequest(ApiOperation Operation, string What, string Url, HttpContent? Content, string? MustName, IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() => $"{Operation} [{What}]";
}

/// <summary>
/// Reads the service's own OpenAPI document and makes requests from it, so a test covers every
/// operation and every field the API has — today's and tomorrow's — instead of a hand list.
/// </summary>
public sealed class OpenApiProbe
{
    public const string ProbeId = "probe-1";
    public const string SampleInstant = "2026-03-02T10:00:00Z";

    private readonly JsonObject document;

    private OpenApiProbe(JsonObject document) => this.document = document;

    public static async Task<OpenApiProbe> LoadAsync(HttpClient client)
    {
        var json = await client.GetStringAsync("/swagger/v1/swagger.json");
        return new OpenApiProbe(JsonNode.Parse(json)!.AsObject());
    }

    public IReadOnlyList<ApiOperation> Operations()
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? [])
                    .Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(p["schema"]) ?? new JsonObject()))
                    .ToList();
                var body = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"]);
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, body));
            }
        }

        return operations;
    }

    /// <summary>The operation's URL with every path parameter given a harmless id.</summary>
    public static string UrlOf(ApiOperation operation, string? parameter = null, string? value = null, string? query = null)
    {
        var url = operation.Path;
        foreach (var p in operation.Parameters.Where(p => p.In == "path"))
        {
            url = url.Replace("{" + p.Name + "}", p.Name == parameter ? value : ProbeId, StringComparison.Ordinal);
        }

        return query is null ? url : $"{url}?{query}";
    }

    /// <summary>A body with every property the schema names, each with a plausible value.</summary>
    public JsonNode? Sample(JsonNode? schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema is null || depth > 8)
        {
            return null;
        }

        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        switch (TypeOf(schema))
        {
            case "object":
                var obj = new JsonObject();
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                {
                    obj[name] = Sample(property, depth + 1);
                }

                if (schema["additionalProperties"] is JsonObject valueSchema)
                {
                    obj["USD"] = Sample(valueSchema, depth + 1);
                }

                return obj;
            case "array":
                return new JsonArray(Sample(schema["items"], depth + 1));
            case "integer":
            case "number":
                return JsonValue.Create(1);
            case "boolean":
                return JsonValue.Create(false);
            case "string":
                return JsonValue.Create(schema["format"]?.GetValue<string>() switch
                {
                    "date-time" => SampleInstant,
                    "date" => "2026-03-02",
                    "byte" => "cHJvYmU=", // base64 of "probe"
                    _ => "probe",
                });
            default:
                return null;
        }
    }

    /// <summary>Every field of a body schema, nested objects, list items and dictionary values included.</summary>
    public IReadOnlyList<BodyField> Fields(JsonNode? schema)
    {
        var fields = new List<BodyField>();
        Walk(Resolve(schema), [], fields, 0);
        return fields;
    }

    private void Walk(JsonNode? schema, List<object> path, List<BodyField> fields, int depth)
    {
        if (schema is null || depth > 8)
        {
            return;
        }

        if (path.Count > 0)
        {
            fields.Add(new BodyField([.. path], schema));
        }

        switch (TypeOf(schema))
        {
            case "object":
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                {
                    Walk(Resolve(property), [.. path, name], fields, depth + 1);
                }

                if (schema["additionalProperties"] is JsonObject valueSchema)
                {
                    Walk(Resolve(valueSchema), [.. path, "USD"], fields, depth + 1);
                }

                break;
            case "array":
                Walk(Resolve(schema["items"]), [.. path, 0], fields, depth + 1);
                break;
        }
    }

    /// <summary>The sample body with the value at <paramref name="path"/> replaced (or, with a null path, the body itself).</summary>
    public static JsonNode With(JsonNode body, IReadOnlyList<object> path, Func<JsonNode?, JsonNode?> change)
    {
        var copy = body.DeepClone();
        if (path.Count == 0)
        {
            return change(copy) ?? JsonValue.Create((string?)null)!;
        }

        JsonNode parent = copy;
        for (var i = 0; i < path.Count - 1; i++)
        {
            parent = path[i] is int index ? parent.AsArray()[index]! : parent.AsObject()[(string)path[i]]!;
        }

        var last = path[^1];
        if (last is int at)
        {
            var array = parent.AsArray();
            array[at] = change(array[at]?.DeepClone());
        }
        else
        {
            var obj = parent.AsObject();
            obj[(string)last] = change(obj[(string)last]?.DeepClone());
        }

        return copy;
    }

    public static string? TypeOf(JsonNode schema)
    {
        if (schema["type"] is JsonArray types)
        {
            return types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not null and not "null");
        }

        if (schema["type"] is JsonValue type)
        {
            return type.GetValue<string>();
        }

        return schema["properties"] is not null ? "object" : null;
    }

    /// <summary>Follows $ref and the first non-null branch of allOf/oneOf/anyOf.</summary>
    public JsonNode? Resolve(JsonNode? schema)
    {
        for (var hops = 0; schema is not null && hops < 16; hops++)
        {
            if (schema["$ref"] is JsonValue reference)
            {
                var name = reference.GetValue<string>().Split('/')[^1];
                schema = document["components"]!["schemas"]![name];
                continue;
            }

            var branch = (schema["allOf"] ?? schema["oneOf"] ?? schema["anyOf"]) as JsonArray;
            if (branch is not null && schema["properties"] is null)
            {
                schema = branch.FirstOrDefault(b => b is not null && b["type"]?.ToString() != "null");
                continue;
            }

            return schema;
        }

        return schema;
    }

    /// <summary>A value sent as a lone surrogate escape (JsonNode cannot hold one, so it is put in the text).</summary>
    public const string LoneSurrogate = "__lone_surrogate__";

    public static StringContent Json(JsonNode? body) =>
        new((body?.ToJsonString() ?? "null").Replace($"\"{LoneSurrogate}\"", "\"a\\ud800b\"", StringComparison.Ordinal), Encoding.UTF8, "application/json");

    public static StringContent Raw(string text, string contentType = "application/json") => new(text, Encoding.UTF8, contentType);

    /// <summary>Sends a probe request; the content is consumed, so each request is made once.</summary>
    public static async Task<(HttpStatusCode Status, string? ContentType, string Body)> SendAsync(HttpClient client, ProbeRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), request.Url) { Content = request.Content };
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(message);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Whether a 400's errors name the field (or something under it).</summary>
    public static bool Names(string problemBody, string field)
    {
        using var json = JsonDocument.Parse(problemBody);
        if (!json.RootElement.TryGetProperty("errors", out var errors))
        {
            return false;
        }

        return errors.EnumerateObject().Any(e => e.Name == field || e.Name.StartsWith(field + ".", StringComparison.Ordinal) || e.Name.StartsWith(field + "[", StringComparison.Ordinal));
    }
}
