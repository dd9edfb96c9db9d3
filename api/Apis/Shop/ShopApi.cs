using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Api.Apis.Shop;

/// <summary>The web shop's push of its orders into the one shop-order store (the nightly pull writes the same store).</summary>
public static class ShopApi
{
    public const int MaxOrdersPerPush = 10_000;

    public static IEndpointRouteBuilder MapShopApi(this IEndpointRouteBuilder app)
    {
        var shop = app.MapGroup("/api/v1/shop").WithTags("Shop").RequireAuthorization(Roles.AdminOnly).ProducesAuthProblems();
        shop.MapPost("/orders", PushOrders).WithName("PushShopOrders")
            .WithSummary($"Bulk upsert of web-shop orders (at most {MaxOrdersPerPush:N0}), idempotent on store + shopOrderId; each bad row is refused with its problems, the rest are stored; 400 naming every row's fields when none is (admin)")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .AcceptsUpload(BodyKind.LeadImport); // a bulk body: 10,000 rows take the lead import's limit (Limits:MaxLeadImportBytes), not the 1 MB of a JSON request
        return app;
    }

    public static async Task<Ok<ShopOrderPushResult>> PushOrders(ShopOrderPush body, IShopOrderStore store, ShopStores stores, CrmClock clock)
    {
        var rows = body.Orders ?? [];
        if (rows.Count is 0 or > MaxOrdersPerPush)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["orders"] = [$"give 1 to {MaxOrdersPerPush:N0} orders; {rows.Count:N0} were sent."] });
        }

        var now = clock.GetUtcNow();
        var refused = new List<ShopOrderRowError>();
        var orders = new List<ShopOrder>();
        var indexOf = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var v = new Validator();
            if (rows[i] is not { } row)
            {
                refused.Add(new ShopOrderRowError(i, null, new Dictionary<string, string[]> { ["order"] = ["is required."] }));
                continue;
            }

            if (row.ToDomain().Check(stores, now, v) is { } order)
            {
                orders.Add(order);
                indexOf.Add(i);
            }
            else
            {
                refused.Add(new ShopOrderRowError(i, row.IncrementId, v.Errors));
            }
        }

        if (orders.Count > 0)
        {
            foreach (var r in await store.UpsertAsync(orders))
            {
                refused.Add(new ShopOrderRowError(indexOf[r.Index], orders[r.Index].IncrementId, new Dictionary<string, string[]> { [r.Field] = [r.Message] }));
            }
        }

        if (refused.Count == rows.Count)
        {
            // Nothing stored: the request as a whole is bad, and the problem names every row's fields.
            throw DomainException.Invalid(refused
                .SelectMany(r => r.Errors.Select(e => (Field: $"orders[{r.Index}].{e.Key}", e.Value)))
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal));
        }

        return TypedResults.Ok(new ShopOrderPushResult(rows.Count, rows.Count - refused.Count, [.. refused.OrderBy(r => r.Index)]));
    }
}
