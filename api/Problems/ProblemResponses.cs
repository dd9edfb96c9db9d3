using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Problems;

/// <summary>
/// The one mapping from errors to RFC 9457 problem responses: domain refusals by their kind,
/// unreadable JSON as a 400 naming the field, anything else a 500 that reveals nothing.
/// </summary>
public sealed partial class CrmExceptionHandler(IProblemDetailsService problems, ILogger<CrmExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
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
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        DomainException domain => FromDomain(domain),
        BadHttpRequestException bad => FromBadRequest(bad),
        _ when exception.InnerException is DomainException inner => FromDomain(inner),
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

    /// <summary>Malformed JSON, a wrong type or a missing body: say which field, never echo the body.</summary>
    private static HttpValidationProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        var (field, message) = bad.InnerException switch
        {
            JsonException json => (FieldOf(json.Path), json.Path is null or "$" ? "is not valid JSON." : "has the wrong type or is not valid JSON."),
            _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => ("body", "is required: send a JSON body."),
            _ => ("request", "could not be read."),
        };

        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = "See errors for each field that is wrong.",
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
}

/// <summary>Writes a problem response outside the exception path (authentication, 404s).</summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
