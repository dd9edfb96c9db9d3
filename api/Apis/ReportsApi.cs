using OrleansCrm.Contracts.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Domain.Common;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Api.Apis;

public static class ReportsApi
{
    public const int MaxCalls = 500;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        const int bad = StatusCodes.Status400BadRequest;
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Roles.SupervisorOrAdmin).ProducesAuthProblems();
        reports.MapGet("/outcomes", Outcomes).WithName("OutcomeReport")
            .WithSummary("Per agent, per outcome: counts with the outcome's color, over [from, to) (default: today, UTC); optional campaignId, agentId (supervisor, admin)")
            .ProducesProblems(bad);

        return app;
    }

    public static async Task<Ok<OutcomeReport>> Outcomes(QueryInstant? from, QueryInstant? to, string? campaignId, string? agentId, ICallDirectory calls, CrmClock clock)
    {
        var now = clock.GetUtcNow();
        var start = from?.Value ?? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var end = to?.Value ?? start.AddDays(1);
        var v = new Validator();
        v.Id("campaignId", campaignId, required: false);
        v.Id("agentId", agentId, required: false);
        if (end <= start)
        {
            v.Add("to", "must be later than from.");
        }

        v.ThrowIfInvalid();
        var counts = await calls.OutcomeCountsAsync(start, end, campaignId, agentId);
        var agents = counts.GroupBy(c => c.AgentId)
            .Select(g => new AgentOutcomesView(g.Key, g.Sum(c => c.Count), g.Select(c => new OutcomeCountView(c.OutcomeCode, c.OutcomeLabel, c.OutcomeColor, c.Count)).ToList()))
            .ToList();
        return TypedResults.Ok(new OutcomeReport(start, end, campaignId, agents));
    }
}
