using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansCrm.Testing;

/// <summary>
/// A real Magento 2-shaped shop for tests, on Kestrel at 127.0.0.1 on a free port: <c>GET /rest/V1/orders</c> with
/// <c>searchCriteria</c> paging and an <c>updated_at gteq</c> filter, a bearer token, timestamps in UTC without a
/// zone marker, and Magento's habit of answering a page past the last with the last page again. It can answer
/// something that is not JSON, or a page cut short, on demand.
/// </summary>
public sealed class MagentoShopSink : IAsyncDisposable
{
    public const string Token = "test-magento-token";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> requests = new();
    private readonly List<Dictionary<string, object?>> orders = [];
    private readonly Lock gate = new();
    private readonly TaskCompletionSource heldPageRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource heldPagesReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MagentoShopSink(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The query strings of the requests received, in order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    /// <summary>What the next answers are: well-formed pages, a body that is not JSON, or a page cut off mid-way.</summary>
    public MagentoAnswer Answer { get; set; }

    /// <summary>
    /// Holds every request for this page or a later one until <see cref="ReleaseHeldPages"/> (a sync caught mid-way
    /// at a known point); <see cref="HeldPageRequested"/> completes when the first such request arrives.
    /// </summary>
    public int? HoldFromPage { get; set; }

    public Task HeldPageRequested => heldPageRequested.Task;

    public void ReleaseHeldPages() => heldPagesReleased.TrySetResult();

    public static async Task<MagentoShopSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var sink = new MagentoShopSink(app);
        app.MapGet("/rest/V1/orders", sink.Orders);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return sink;
    }

    /// <summary>An order as Magento holds it (entity_id a number, timestamps zone-less UTC, the rep as an extension attribute).</summary>
    public void AddOrder(int entityId, string incrementId, DateTimeOffset createdAt, DateTimeOffset updatedAt, string? salesRep, decimal grandTotal = 10m)
    {
        lock (gate)
        {
            orders.Add(new Dictionary<string, object?>
            {
                ["entity_id"] = entityId,
                ["increment_id"] = incrementId,
                ["created_at"] = Zoneless(createdAt),
                ["updated_at"] = Zoneless(updatedAt),
                ["status"] = "processing",
                ["grand_total"] = grandTotal,
                ["order_currency_code"] = "USD",
                ["customer_email"] = "buyer@example.com",
                ["billing_address"] = new Dictionary<string, object?> { ["telephone"] = "+15551234567" },
                ["extension_attributes"] = new Dictionary<string, object?> { ["sales_rep"] = salesRep },
            });
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static string Zoneless(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task Orders(HttpContext context)
    {
        requests.Enqueue(context.Request.QueryString.Value ?? "");
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("""{"message":"The consumer isn't authorized to access %resources."}""");
            return;
        }

        var q = context.Request.Query;
        var pageSize = int.Parse(q["searchCriteria[pageSize]"].ToString(), CultureInfo.InvariantCulture);
        var page = int.Parse(q["searchCriteria[currentPage]"].ToString(), CultureInfo.InvariantCulture);
        var since = q["searchCriteria[filter_groups][0][filters][0][value]"].ToString();
        if (HoldFromPage is { } held && page >= held && !heldPagesReleased.Task.IsCompleted)
        {
            heldPageRequested.TrySetResult();
            await heldPagesReleased.Task.WaitAsync(context.RequestAborted);
        }

        List<Dictionary<string, object?>> matching;
        lock (gate)
        {
            matching = [.. orders
                .Where(o => since.Length == 0 || string.CompareOrdinal((string)o["updated_at"]!, since) >= 0)
                .OrderBy(o => (string)o["updated_at"]!, StringComparer.Ordinal)];
        }

        // Magento: a page past the last answers the last page again.
        var lastPage = Math.Max(1, (matching.Count + pageSize - 1) / pageSize);
        var items = matching.Skip((Math.Min(page, lastPage) - 1) * pageSize).Take(pageSize).ToList();
        var body = JsonSerializer.Serialize(new Dictionary<string, object?> { ["items"] = items, ["search_criteria"] = new { }, ["total_count"] = matching.Count });
        context.Response.ContentType = Answer == MagentoAnswer.NotJson ? "text/html" : "application/json";
        await context.Response.WriteAsync(Answer switch
        {
            MagentoAnswer.NotJson => "<html><body>502 Bad Gateway</body></html>",
            MagentoAnswer.CutShort => body[..(body.Length / 2)],
            _ => body,
        });
    }
}
