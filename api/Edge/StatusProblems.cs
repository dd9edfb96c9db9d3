namespace OrleansCrm.Api.Edge;

/// <summary>
/// Problems the framework writes by status alone (an unknown route, a wrong method, a wrong content
/// type): each says what is accepted, and every problem carries the trace id.
/// </summary>
public static class StatusProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        if (problem.Detail is not null)
        {
            return;
        }

        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => "There is no such route. The routes are listed in the OpenAPI document at /swagger/v1/swagger.json.",
            StatusCodes.Status405MethodNotAllowed => $"This route does not take {context.HttpContext.Request.Method}. The methods it takes: {Allowed(context.HttpContext)}.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json' (lead import also takes text/csv).",
            StatusCodes.Status413PayloadTooLarge => "The body is larger than this route accepts.",
            StatusCodes.Status401Unauthorized => "Send a valid API key in the X-Api-Key header.",
            StatusCodes.Status403Forbidden => "Your role may not use this route.",
            _ => null,
        };
    }

    private static string Allowed(HttpContext context) =>
        context.Response.Headers.Allow.ToString() is { Length: > 0 } allow ? allow : "see the OpenAPI document";
}
