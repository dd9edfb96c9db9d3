using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Api.Apis.Shop;

/// <summary>Sales made on calls: the valid linked orders, by rep, by inbound source (the call's direction and campaign) or by campaign.</summary>
public static class LinkedSalesApi
{
    private static readonly string[] GroupBys = ["rep", "source", "campaign"];

    public static IEndpointRouteBuilder MapLinkedSalesApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Roles.SupervisorOrAdmin).ProducesAuthProblems();
        reports.MapGet("/linked-sales", LinkedSales).WithName("LinkedSalesReport")
            .WithSummary("Valid linked orders on calls started in [from, to) (default: today, UTC): count and grand totals per currency, groupBy=rep|source|campaign (supervisor, admin)")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Ok<LinkedSalesReport>> LinkedSales(QueryInstant? from, QueryInstant? to, string? groupBy, ILinkedOrderIndex links, IShopOrderStore orders, CrmClock clock)
    {
        var now = clock.GetUtcNow();
        var start = from?.Value ?? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var end = to?.Value ?? start.AddDays(1);
        var by = groupBy ?? "rep";
        var v = new Validator();
        if (end <= start)
        {
            v.Add("to", "must be later than from.");
        }

        if (!GroupBys.Contains(by, StringComparer.Ordinal))
        {
            v.Add("groupBy", $"must be one of {string.Join(", ", GroupBys)}.");
        }

        v.ThrowIfInvalid();
        var valid = await links.ValidAsync(start, end);
        var judged = (await orders.ChainsAsync([.. valid.Select(l => l.Chain).Distinct()]))
            .ToDictionary(o => new ShopOrderKey(o.StoreCode, o.IncrementId));
        var sales = valid
            .Select(l => (Link: l, Order: judged.GetValueOrDefault(new ShopOrderKey(l.StoreCode, l.JudgedIncrementId ?? l.IncrementId))))
            .Where(s => s.Order is not null)
            .ToList();
        var groups = sales
            .GroupBy(s => by switch
            {
                "rep" => (Key: s.Link.AgentId, Agent: (string?)s.Link.AgentId, Direction: (string?)null, Campaign: (string?)null),
                "source" => (Key: $"{s.Link.Direction}/{s.Link.CampaignId}", Agent: null, Direction: s.Link.Direction, Campaign: s.Link.CampaignId),
                _ => (Key: s.Link.CampaignId, Agent: null, Direction: null, Campaign: s.Link.CampaignId),
            })
            .OrderBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new LinkedSalesGroup(
                g.Key.Key, g.Key.Agent, g.Key.Direction, g.Key.Campaign, g.Count(),
                g.GroupBy(s => s.Order!.Currency, StringComparer.Ordinal).OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Sum(s => s.Order!.GrandTotal))))
            .ToList();
        return TypedResults.Ok(new LinkedSalesReport(start, end, by, sales.Count, groups));
    }
}
