using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Domain.Common;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// The simulated clock (only with <c>Clock:Simulated=true</c>): preview what scheduled work will do
/// over days or weeks. When an advance returns, everything that fell due has run, in due order.
/// </summary>
public static class TestClockApi
{
    public static IEndpointRouteBuilder MapTestClockApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/test-clock").WithTags("Test clock").RequireAuthorization(Roles.AdminOnly).ProducesAuthProblems();
        api.DisableRequestTimeout(); // an advance runs every item that falls due on the way, which may take minutes

        api.MapGet("/", GetClock)
            .WithName("GetTestClock")
            .WithSummary("The simulated clock's current instant");

        api.MapPost("/advance", Advance)
            .WithName("AdvanceTestClock")
            .WithSummary("Move the simulated clock forward; all work that falls due on the way runs before this returns")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);

        return app;
    }

    public static Ok<TestClockView> GetClock(TestClock clock) => TypedResults.Ok(new TestClockView(clock.Now));

    public static async Task<Ok<ClockAdvance>> Advance(AdvanceRequest request, TestClock clock, CancellationToken cancellationToken)
    {
        var target = TargetOf(request, clock.Now);
        return TypedResults.Ok(await clock.AdvanceToAsync(target, cancellationToken));
    }

    private static DateTimeOffset TargetOf(AdvanceRequest request, DateTimeOffset now)
    {
        var v = new Validator();
        if ((request.By is null) == (request.To is null))
        {
            v.Add("by", "give exactly one of 'by' (an ISO 8601 duration such as P15D) or 'to' (an instant).");
            v.ThrowIfInvalid();
        }

        if (request.To is { } to)
        {
            return to;
        }

        TimeSpan by = default;
        try
        {
            by = XmlConvert.ToTimeSpan(request.By!);
        }
        catch (FormatException)
        {
            v.Add("by", "must be an ISO 8601 duration such as P15D or PT2H30M.");
        }
        catch (OverflowException)
        {
            v.Add("by", "is too long.");
        }

        if (v.IsValid && (by <= TimeSpan.Zero || by > TimeSpan.FromDays(3660)))
        {
            v.Add("by", "must be a positive duration of at most ten years.");
        }

        if (v.IsValid && !Instants.InRange(now + by))
        {
            v.Add("by", $"would move the clock past {Instants.Latest:yyyy-MM-dd}, the last instant the CRM takes.");
        }

        v.ThrowIfInvalid();
        return now + by;
    }
}
