using OrleansCrm.Contracts.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Domain.Common;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Api.Apis;

/// <summary>One outcome in an agent's row of the report: its code, label, color and how many calls ended with it.</summary>
public sealed record OutcomeCountView(string Code, string Label, string Color, int Count);

/// <summary>An agent's row: every outcome they confirmed in the range, and the total.</summary>
public sealed record AgentOutcomesView(string AgentId, int Total, IReadOnlyList<OutcomeCountView> Outcomes);

/// <summary>The "at a glance" view of seed 004: per agent, per outcome, counts with colors, over [from, to).</summary>
public sealed record OutcomeReport(DateTimeOffset From, DateTimeOffset To, string? CampaignId, IReadOnlyList<AgentOutcomesView> Agents);

/// <summary>The customer's calls tab: calls about their orders, calls made for tasks, and the rest.</summary>
public sealed record CustomerCallsView(string CustomerId, IReadOnlyList<CallEntry> OrderCalls, IReadOnlyList<CallEntry> TaskCalls, IReadOnlyList<CallEntry> OtherCalls)
{
    /// <summary>The one split of a customer's calls, for the customer's tab and the order page alike.</summary>
    public static CustomerCallsView Of(string customerId, IReadOnlyList<CallEntry> calls) => new(
        customerId,
        calls.Where(c => c.TaskId is null && c.OrderNumber is not null).ToList(),
        calls.Where(c => c.TaskId is not null).ToList(),
        calls.Where(c => c.TaskId is null && c.OrderNumber is null).ToList());
}

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
