using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrleansCrm.Api.Edge;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Problems;

/// <summary>
/// The one mapping from errors to RFC 9457 problem responses: domain refusals by their kind,
/// unreadable JSON as a 400 naming the field, a transient cluster or storage failure as a 503 with
/// <c>Retry-After</c> (retrying the same request is safe), anything else a 500 that reveals nothing.
/// </summary>
public sealed partial class CrmExceptionHandler(IProblemDetailsService problems, ILogger<CrmExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is { Status: StatusCodes.Status503ServiceUnavailable } && TransientFailures.Is(exception))
        {
            LogTransient(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side",
                Detail = "The request could not be completed. Nothing you sent was at fault; try again.",
            };
        }

        Redact(problem);
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// How long a client waits before retrying a 503: about the time the cluster takes to declare a killed silo dead
    /// and re-place its grains (membership probes, see <c>Orleans:ProbeTimeout</c> in the README), or a storage blip.
    /// </summary>
    public const int RetryAfterSeconds = 5;

    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        DomainException domain => FromDomain(domain),
        BadHttpRequestException bad => FromBadRequest(bad),
        _ when exception.InnerException is DomainException inner => FromDomain(inner),
        _ when TransientFailures.Is(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Briefly unavailable",
            Detail = $"A part of the service (a silo or the database) did not answer. Retry the same request after {RetryAfterSeconds} seconds; "
                + "a retry with the same Idempotency-Key never does anything twice, and finishes what this attempt started.",
        },
        _ => null,
    };

    private static ProblemDetails FromDomain(DomainException error)
    {
        var status = StatusOf(error.Kind);
        if (error.Kind == ProblemKind.Validation)
        {
            return new HttpValidationProblemDetails(error.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = status,
                Title = error.Title,
                Detail = error.Detail,
            };
        }

        return new ProblemDetails { Status = status, Title = error.Title, Detail = error.Detail };
    }

    /// <summary>No card number ever leaves in a response, whatever field a client typed it into.</summary>
    private static void Redact(ProblemDetails problem)
    {
        problem.Title = problem.Title is null ? null : CardNumbers.Redact(problem.Title);
        problem.Detail = problem.Detail is null ? null : CardNumbers.Redact(problem.Detail);
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var key in validation.Errors.Keys.ToList())
            {
                validation.Errors[key] = validation.Errors[key].Select(CardNumbers.Redact).ToArray();
            }
        }
    }

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation => StatusCodes.Status400BadRequest,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.PaymentDeclined => StatusCodes.Status402PaymentRequired,
        ProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// Malformed JSON, a wrong type, a refused value, a query parameter that cannot be read, a missing
    /// body or the wrong content type: say which field or parameter and what is accepted, never echo the input.
    /// </summary>
    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Unsupported media type",
                Detail = "Send the body as JSON with 'Content-Type: application/json'.",
            };
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request body is too large",
                Detail = "The body is larger than this route accepts.",
            };
        }

        var (field, message) = bad.InnerException switch
        {
            JsonException json => Describe(json),
            _ => Parameters.Describe(bad.Message),
        };

        return Invalid(field, message);
    }

    /// <summary>One field's 400, as every route says it.</summary>
    public static HttpValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = "See errors for each field that is wrong.",
        };

    /// <summary>Which field of a JSON body is wrong, and how.</summary>
    public static (string Field, string Message) Describe(JsonException json)
    {
        var field = FieldOf(json.Path);
        return json switch
        {
            InputRefusedException { Member: { } member } refused => (field == "body" ? member : $"{field}.{member}", refused.Message),
            InputRefusedException refused => (field, refused.Message),
            _ when json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) =>
                (field, "is not a field of this request (see the OpenAPI document at /swagger/v1/swagger.json)."),
            _ when json.Path is null or "$" => ("body", "is not valid JSON."),
            _ => (field, "has the wrong type or is not valid JSON."),
        };
    }

    /// <summary>"$.trial.trialDays" → "trial.trialDays"; "$" → "body".</summary>
    internal static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient failure on {Method} {Path}; answered 503 with Retry-After")]
    private static partial void LogTransient(ILogger logger, Exception exception, string method, string path);
}
