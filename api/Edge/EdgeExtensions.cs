using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansCrm.Api.Problems;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// The HTTP edge a security reviewer expects: response headers, rate limits, body limits and a request timeout.
/// Composed from <see cref="CrmApiExtensions"/>.
/// </summary>
public static class EdgeExtensions
{
    public const string UploadTimeoutPolicy = "upload";

    public static WebApplicationBuilder AddCrmEdge(this WebApplicationBuilder builder)
    {
        var settings = EdgeSettings.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxBodyBytes;
        });

        services.TryAddKeyedSingleton(EdgeClock.Key, TimeProvider.System);
        services.AddSingleton<EdgeRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<EdgeRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = TooManyRequestsAsync;
        });

        services.AddRequestTimeouts(options =>
        {
            options.DefaultPolicy = TimeoutOf(settings.RequestTimeout);
            options.AddPolicy(UploadTimeoutPolicy, TimeoutOf(settings.UploadTimeout));
        });

        return builder;
    }

    /// <summary>First in the pipeline: every answer, errors included, carries the headers.</summary>
    public static WebApplication UseCrmResponseHeaders(this WebApplication app)
    {
        app.Use(ResponseHeaders.InvokeAsync);
        return app;
    }

    /// <summary>After authentication (the limiter tells a valid key from an unknown one), before authorization.</summary>
    public static WebApplication UseCrmEdge(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.Use(RequestBodyLimits.InvokeAsync);
        return app;
    }

    private static async ValueTask TooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var seconds = AddressWindows.Lease.Seconds(wait);
        var reason = rejected.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.ReasonPhrase, out var why) ? why : "Too many requests came from your address.";
        rejected.HttpContext.Response.Headers.RetryAfter = seconds;
        await ProblemResponses.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"{reason} Try again in {seconds} seconds.");
    }

    /// <summary>
    /// A request that runs out of time answers 504: the service (a gateway to its cluster) did not finish in time, and
    /// whether the work took effect is not known — unlike a 503, which says nothing was done.
    /// </summary>
    private static RequestTimeoutPolicy TimeoutOf(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        WriteTimeoutResponse = context => ProblemResponses.WriteAsync(context, StatusCodes.Status504GatewayTimeout, "The request took too long",
            $"It was stopped after {timeout.TotalSeconds:0.###} seconds; it may or may not have taken effect. Read back before repeating it, or repeat it with the same Idempotency-Key."),
    };
}
