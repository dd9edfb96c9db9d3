using System.Text.RegularExpressions;
using OrleansCrm.Api.Problems;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// What a parameter the framework could not bind is called and what it takes; and the one guard every
/// route value, query value and header value we read passes before any handler runs.
/// </summary>
public static partial class Parameters
{
    /// <summary>Headers whose values the service reads and keeps (inside payment keys, for instance).</summary>
    private static readonly string[] CheckedHeaders = ["Idempotency-Key"];

    /// <summary>The field and message for the framework's binding failures, from its (stable) wording.</summary>
    public static (string Field, string Message) Describe(string frameworkMessage)
    {
        if (BindFailure().Match(frameworkMessage) is { Success: true } failed)
        {
            return (failed.Groups["name"].Value, Expectation(failed.Groups["type"].Value));
        }

        if (RequiredMissing().Match(frameworkMessage) is { Success: true } missing)
        {
            var fromBody = missing.Groups["source"].Value.Contains("body", StringComparison.OrdinalIgnoreCase);
            return fromBody ? ("body", "is required: send a JSON body.") : (missing.Groups["name"].Value, "is required.");
        }

        if (frameworkMessage.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", "is required: send a JSON body.");
        }

        return ("request", "could not be read.");
    }

    private static string Expectation(string type) => type.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('?', '>') switch
    {
        "int" or "long" or "Int32" or "Int64" => "must be a whole number.",
        "bool" or "Boolean" => "must be true or false.",
        "decimal" or "double" => "must be a number.",
        nameof(QueryInstant) or "DateTimeOffset" or "DateTime" => Instants.Rule + ".",
        "Guid" => "must be a GUID.",
        _ => "has the wrong format.",
    };

    /// <summary>
    /// Route values, query values and the headers we keep go through <see cref="InputText"/> like
    /// every body string: a control character or a card number is a 400 naming the parameter.
    /// </summary>
    public static async Task GuardAsync(HttpContext context, Func<Task> next)
    {
        var v = new Validator();
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text)
            {
                InputText.Check(v, name, text);
            }
        }

        foreach (var (name, values) in context.Request.Query)
        {
            if (InputText.ProblemWith(name) is not null)
            {
                v.Add("query", "has a parameter whose name holds control characters or a card number.");
                continue;
            }

            foreach (var value in values)
            {
                InputText.Check(v, name, value);
            }
        }

        foreach (var header in CheckedHeaders)
        {
            foreach (var value in context.Request.Headers[header])
            {
                InputText.Check(v, header, value);
            }
        }

        if (v.IsValid)
        {
            await next();
            return;
        }

        var problem = CrmExceptionHandler.ToProblem(DomainException.Invalid(v.Errors))!;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\" from \"")]
    private static partial Regex BindFailure();

    [GeneratedRegex("^Required parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\" was not provided from (?<source>[^.]+)\\.")]
    private static partial Regex RequiredMissing();
}
