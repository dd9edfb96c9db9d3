using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts.Shop;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// Shop orders pushed, calls linked during the day, and the nightly validation at 02:00 America/New_York on the
/// simulated clock, through the api, in memory and on PostgreSQL: the verdicts, each link's history, the runs, the report.
/// </summary>
public sealed class LinkedOrderValidationApiTests(LinkedOrdersFixture fixture) : IClassFixture<LinkedOrdersFixture>
{
    private const string Runs = "/api/v1/jobs/linked-order-validation/runs";

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Calls_linked_during_the_day_are_judged_when_two_in_the_morning_new_york_passes_with_their_history_the_run_and_the_report(bool onPostgres)
    {
        var api = fixture.Api(onPostgres);
        var admin = api.Admin();
        var driver = new CallDriver(admin);
        var (rep, colleague) = ("rep-" + TestValues.Letters(8), "rep-" + TestValues.Letters(8));
        var (repUser, colleagueUser) = ("shop." + rep, "shop." + colleague);
        await PutShopUserAsync(admin, rep, repUser);
        await PutShopUserAsync(admin, colleague, colleagueUser);
        await driver.AlignToMorningAsync();
        var runsBefore = await SettledRunCountAsync(admin);
        var campaign = await driver.CreateCampaignAsync();
        for (var i = 0; i < 4; i++)
        {
            await driver.AddLeadAsync(campaign, TestValues.Phone());
        }

        var (sold, notTheirs, missing, twiceA) = (Number(), Number(), Number(), Number());
        var valid = await LinkedCallAsync(driver, campaign, rep, sold);
        var anotherReps = await LinkedCallAsync(driver, campaign, rep, notTheirs);
        var noSuchOrder = await LinkedCallAsync(driver, campaign, colleague, missing);
        var twice1 = await LinkedCallAsync(driver, campaign, colleague, twiceA);
        var start = await StartOfAsync(driver, valid);

        var pushed = await admin.PostAsJsonAsync("/api/v1/shop/orders", new
        {
            orders = new object[]
            {
                Order(sold, repUser, start.AddMinutes(5), 49.90m),
                Order(notTheirs, colleagueUser, await StartOfAsync(driver, anotherReps), 19.00m),
                Order(twiceA, colleagueUser, await StartOfAsync(driver, twice1), 10.00m),
            },
        });
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        Assert.Equal(3, (await pushed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());
        var pending = (await driver.CallAsync(valid)).GetProperty("linkedOrder");
        Assert.Equal("PendingValidation", pending.GetProperty("status").GetString());

        // 02:00 in New York (EST in winter: 07:00Z) the next morning passes.
        var nextRun = (await RunsAsync(admin)).GetProperty("nextRunAt").GetDateTimeOffset();
        Assert.Equal(new TimeOnly(2, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(nextRun, NewYork).DateTime));
        await driver.AdvanceToAsync(nextRun.AddMinutes(1));
        var run = await FinishedRunAsync(admin, runsBefore + 1);

        Assert.Equal("Nightly", run.GetProperty("trigger").GetString());
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nextRun, NewYork).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), run.GetProperty("businessDate").GetString());
        Assert.True(run.GetProperty("linksChecked").GetInt32() >= 4);

        var judged = (await driver.CallAsync(valid)).GetProperty("linkedOrder");
        Assert.Equal("Valid", judged.GetProperty("status").GetString());
        Assert.Equal(sold, judged.GetProperty("judgedOrderId").GetString());
        Assert.Equal($"https://shop.example/admin/sales/order/view/order_id/id-{sold}/", judged.GetProperty("viewUrl").GetString());
        var history = Assert.Single(judged.GetProperty("history").EnumerateArray());
        Assert.Equal(run.GetProperty("runId").GetString(), history.GetProperty("runId").GetString());
        Assert.Equal("Valid", history.GetProperty("status").GetString());

        await AssertInvalidAsync(driver, anotherReps, "AnotherRepsOrder");
        await AssertInvalidAsync(driver, noSuchOrder, "NoSuchOrder");
        Assert.Equal("Valid", (await driver.CallAsync(twice1)).GetProperty("linkedOrder").GetProperty("status").GetString());

        // A second call links the same order: both become invalid on the next night; correcting one makes the other valid again.
        await driver.AddLeadAsync(campaign, TestValues.Phone());
        var twice2 = await LinkedCallAsync(driver, campaign, colleague, twiceA);
        await NextNightAsync(driver, admin, runsBefore + 2);
        await AssertInvalidAsync(driver, twice1, "LinkedToSeveralCalls");
        await AssertInvalidAsync(driver, twice2, "CreatedOutOfRange", "LinkedToSeveralCalls"); // a day later than the order, too

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/calls/{twice2}/linked-order", new { orderId = Number() })).StatusCode);
        await NextNightAsync(driver, admin, runsBefore + 3);
        var again = (await driver.CallAsync(twice1)).GetProperty("linkedOrder");
        Assert.Equal("Valid", again.GetProperty("status").GetString());
        Assert.Equal(["Valid", "Invalid", "Valid"], again.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()!));
        await AssertInvalidAsync(driver, twice2, "NoSuchOrder");

        var day = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero);
        var report = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reports/linked-sales?from={day:yyyy-MM-ddTHH:mm:ssZ}&to={day.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}&groupBy=rep");
        var groups = report.GetProperty("groups").EnumerateArray().ToList();
        var byRep = groups.Single(g => g.GetProperty("key").GetString() == rep);
        Assert.Equal(1, byRep.GetProperty("orders").GetInt32());
        Assert.Equal(49.90m, byRep.GetProperty("totals").GetProperty("USD").GetDecimal());
        Assert.Equal(10.00m, groups.Single(g => g.GetProperty("key").GetString() == colleague).GetProperty("totals").GetProperty("USD").GetDecimal());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_night_runs_once_however_often_its_tick_arrives_and_an_admin_run_now_is_one_more_run(bool onPostgres)
    {
        var api = fixture.Api(onPostgres);
        var admin = api.Admin();
        var driver = new CallDriver(admin);
        await driver.AlignToMorningAsync();
        var before = await SettledRunCountAsync(admin);
        await NextNightAsync(driver, admin, before + 1);

        // Duplicated ticks (a reminder delivered again during an ownership change) find the night already run.
        var job = api.Services.GetRequiredService<IGrainFactory>().GetGrain<ILinkedOrderValidationJobGrain>(ShopJobs.LinkedOrderValidation).AsReference<IRemindable>();
        await job.ReceiveReminder("due-work", default);
        await job.ReceiveReminder("due-work", default);
        var runs = await RunsAsync(admin);
        Assert.Equal(before + 1, runs.GetProperty("runs").GetArrayLength());
        var nights = runs.GetProperty("runs").EnumerateArray().Where(r => r.GetProperty("trigger").GetString() == "Nightly").Select(r => r.GetProperty("businessDate").GetString()).ToList();
        Assert.Equal(nights.Count, nights.Distinct().Count());

        var started = await admin.PostAsync("/api/v1/jobs/linked-order-validation/run", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("Manual", (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trigger").GetString());
        Assert.Equal("Manual", (await FinishedRunAsync(admin, before + 2)).GetProperty("trigger").GetString());
        await (await api.Agent().PostAsync("/api/v1/jobs/linked-order-validation/run", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_push_refuses_each_bad_row_with_its_problem_and_stores_the_rest_and_is_idempotent_on_the_shops_id(bool onPostgres)
    {
        var admin = fixture.Api(onPostgres).Admin();
        var driver = new CallDriver(admin);
        var now = await driver.NowAsync();
        var (good, other) = (Number(), Number());
        var rows = new object[]
        {
            Order(good, "shop.x", now.AddHours(-1), 5m),
            new { storeCode = "mars", incrementId = Number(), shopOrderId = "m1", createdAt = Shop(now.AddHours(-1)), currency = "USD", grandTotal = 1m },
            new { incrementId = "not an id!", shopOrderId = "b1", createdAt = Shop(now.AddHours(-1)), currency = "USD", grandTotal = 1m },
            new { incrementId = Number(), shopOrderId = "c1", currency = "USD", grandTotal = 1m },
            new { incrementId = Number(), shopOrderId = "f1", createdAt = Shop(now.AddHours(1)), currency = "USD", grandTotal = 1m },
            new { incrementId = good, shopOrderId = "another-" + good, createdAt = Shop(now.AddHours(-1)), currency = "USD", grandTotal = 1m },
        };

        var result = await (await admin.PostAsJsonAsync("/api/v1/shop/orders", new { orders = rows })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(6, result.GetProperty("received").GetInt32());
        Assert.Equal(1, result.GetProperty("stored").GetInt32());
        var refused = result.GetProperty("refused").EnumerateArray().ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("errors"));
        Assert.Equal([1, 2, 3, 4, 5], refused.Keys.Order());
        Assert.Contains("not a configured store", refused[1].GetProperty("storeCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not an order number", refused[2].GetProperty("incrementId")[0].GetString(), StringComparison.Ordinal);
        Assert.True(refused[3].TryGetProperty("createdAt", out _));
        Assert.Contains("in the future", refused[4].GetProperty("createdAt")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("already shop order", refused[5].GetProperty("incrementId")[0].GetString(), StringComparison.Ordinal);

        var again = await (await admin.PostAsJsonAsync("/api/v1/shop/orders", new { orders = new[] { Order(good, "shop.x", now.AddHours(-1), 6m), Order(other, "shop.x", now.AddHours(-1), 1m) } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, again.GetProperty("stored").GetInt32());
        Assert.Empty(again.GetProperty("refused").EnumerateArray());
        await (await admin.PostAsJsonAsync("/api/v1/shop/orders", new { orders = Array.Empty<object>() })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await fixture.Api(onPostgres).Agent().PostAsJsonAsync("/api/v1/shop/orders", new { orders = rows })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_push_takes_ten_thousand_orders_in_one_request_and_refuses_ten_thousand_and_one()
    {
        var admin = fixture.Api(onPostgres: false).Admin();
        var created = (await new CallDriver(admin).NowAsync()).AddHours(-1);
        var prefix = "2" + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        object Row(int i) => Order(prefix + i.ToString("D6", CultureInfo.InvariantCulture), "shop.bulk", created, 1m);

        var pushed = await admin.PostAsJsonAsync("/api/v1/shop/orders", new { orders = Enumerable.Range(0, 10_000).Select(Row).ToList() });

        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        Assert.Equal(10_000, (await pushed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());
        var tooMany = await (await admin.PostAsJsonAsync("/api/v1/shop/orders", new { orders = Enumerable.Range(0, 10_001).Select(Row).ToList() })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tooMany.Errors!.ContainsKey("orders"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_link_names_a_configured_store_and_an_order_number_of_its_shape_and_an_edit_resets_it_to_pending(bool onPostgres)
    {
        var admin = fixture.Api(onPostgres).Admin();
        var driver = new CallDriver(admin);
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await driver.AddLeadAsync(campaign, TestValues.Phone());
        var callId = await driver.DialOrFailAsync(campaign, "rep-" + TestValues.Letters(8));
        var path = $"/api/v1/calls/{callId}/linked-order";

        var unknownStore = await (await admin.PutAsJsonAsync(path, new { orderId = Number(), storeCode = "mars" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknownStore.Errors!.ContainsKey("storeCode"));
        var badShape = await (await admin.PutAsJsonAsync(path, new { orderId = "1 2 3" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badShape.Errors!.ContainsKey("orderId"));

        var linked = (await (await admin.PutAsJsonAsync(path, new { orderId = "100000123" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("linkedOrder");
        Assert.Equal("default", linked.GetProperty("storeCode").GetString());
        Assert.Equal("PendingValidation", linked.GetProperty("status").GetString());
    }

    private static async Task<DateTimeOffset> StartOfAsync(CallDriver driver, string callId) =>
        (await driver.CallAsync(callId)).GetProperty("startedAt").GetDateTimeOffset();

    private static async Task AssertInvalidAsync(CallDriver driver, string callId, params string[] reasons)
    {
        var link = (await driver.CallAsync(callId)).GetProperty("linkedOrder");
        Assert.Equal("Invalid", link.GetProperty("status").GetString());
        Assert.Equal(reasons, link.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!));
        Assert.False(link.TryGetProperty("viewUrl", out var url) && url.ValueKind == JsonValueKind.String);
    }

    private static async Task NextNightAsync(CallDriver driver, HttpClient admin, int runs)
    {
        var next = (await RunsAsync(admin)).GetProperty("nextRunAt").GetDateTimeOffset();
        await driver.AdvanceToAsync(next.AddMinutes(1));
        await FinishedRunAsync(admin, runs);
    }

    private static async Task<JsonElement> FinishedRunAsync(HttpClient admin, int runs)
    {
        var all = await Eventually.WaitForAsync(
            () => RunsAsync(admin),
            r => r.GetProperty("runs").GetArrayLength() >= runs && r.GetProperty("runs")[0].TryGetProperty("finishedAt", out var f) && f.ValueKind == JsonValueKind.String,
            TimeSpan.FromSeconds(30));
        return all.GetProperty("runs")[0];
    }

    /// <summary>How many runs there are once none is under way (moving the clock to the morning may have crossed a night).</summary>
    private static async Task<int> SettledRunCountAsync(HttpClient admin) =>
        (await Eventually.WaitForAsync(
            () => RunsAsync(admin),
            r => r.GetProperty("runs").GetArrayLength() == 0 || r.GetProperty("runs")[0].TryGetProperty("finishedAt", out var f) && f.ValueKind == JsonValueKind.String,
            TimeSpan.FromSeconds(30))).GetProperty("runs").GetArrayLength();

    private static async Task<JsonElement> RunsAsync(HttpClient admin) => await admin.GetFromJsonAsync<JsonElement>(Runs);

    private static async Task PutShopUserAsync(HttpClient admin, string agentId, string shopUser) =>
        (await admin.PutAsJsonAsync($"/api/v1/agents/{agentId}", new { name = agentId, shopUser })).EnsureSuccessStatusCode();

    /// <summary>A call by the rep, linked to the order during the call, ten minutes long, confirmed.</summary>
    private static async Task<string> LinkedCallAsync(CallDriver driver, string campaign, string rep, string orderNumber)
    {
        var callId = await driver.DialOrFailAsync(campaign, rep);
        Assert.Equal(HttpStatusCode.OK, (await driver.Admin.PutAsJsonAsync($"/api/v1/calls/{callId}/linked-order", new { orderId = orderNumber })).StatusCode);
        await driver.AdvanceAsync(TimeSpan.FromMinutes(10));
        await driver.ConfirmOkAsync(callId, new { code = "completed" });
        return callId;
    }

    private static object Order(string incrementId, string rep, DateTimeOffset createdAt, decimal total) => new
    {
        incrementId,
        shopOrderId = "id-" + incrementId,
        createdAt = Shop(createdAt),
        status = "processing",
        grandTotal = total,
        currency = "USD",
        customerEmail = "buyer@example.com",
        salesRep = rep,
    };

    /// <summary>The shop's own spelling: UTC without a zone marker.</summary>
    private static string Shop(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Number() => "1" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
}
