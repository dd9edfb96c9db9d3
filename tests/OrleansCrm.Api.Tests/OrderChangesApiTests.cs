using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Infrastructure.Payments;
using OrleansCrm.Testing;
using static OrleansCrm.Api.Tests.OrderApiCalls;
using static OrleansCrm.Testing.OrderBodies;
using static OrleansCrm.Testing.TestValues;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The order changes of seed 000 through the api: fulfillment hold, release and cancel (any role),
/// discounts and decreased quantities (supervisor, admin). Each leaves a system note and a history
/// entry; a price cut before the trial-end charge lowers it, after payment it is a partial refund
/// through the provider; an illegal change is a 409 that changes nothing.
/// </summary>
public sealed class OrderChangesApiTests(OrderActionsApiFixture fixture) : IClassFixture<OrderActionsApiFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly OrderDriver driver = new(fixture.Api.Admin());

    private HttpClient Agent => fixture.Api.Agent();

    private HttpClient Supervisor => fixture.Api.ClientWithKey(CrmApiFactory.SupervisorKey);

    private ISandboxLedger Ledger => fixture.Api.Services.GetRequiredService<ISandboxLedger>();

    public async ValueTask InitializeAsync() => await driver.EnsureOfferAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A Paid EUR order (EUR 45 product + EUR 4.50 S&amp;H, charged at once).</summary>
    private async Task<string> PaidOrderAsync(int quantity = 1) =>
        await PlaceAsync(driver, new
        {
            customerId = await driver.CreateCustomerAsync(), offerId = OrderDriver.Offer, currency = "EUR", trial = false, cardToken = Token("tok_approve"),
            items = new[] { new { sku = "main", quantity } },
        });

    /// <summary>A USD trial (USD 49.95 a unit at trial end, USD 4.95 S&amp;H now).</summary>
    private async Task<string> TrialAsync(int quantity = 1) =>
        await PlaceAsync(driver, new
        {
            customerId = await driver.CreateCustomerAsync(), offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = Token("tok_approve"),
            items = new[] { new { sku = "main", quantity } },
        });

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PatchQuantityAsync(HttpClient client, string number, string sku, int quantity) =>
        client.PatchAsJsonAsync($"/api/v1/orders/{number}/items/{sku}", new { quantity, reason = "customer asked" });

    /// <summary>What a refused change must leave as it was: the page without the clock-dependent customer block.</summary>
    private async Task<string> StateAsync(string number)
    {
        await driver.EmailsSettledAsync(number);
        var page = await driver.OrderAsync(number);
        return string.Join("\n", new[] { "status", "fulfillment", "amounts", "items", "payments", "workflow", "notes", "changes", "history" }.Select(p => page.GetProperty(p).GetRawText()));
    }

    private static List<string> HistoryKinds(JsonElement page) =>
        page.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()!).ToList();

    // ---------------------------------------------------------------- fulfillment

    [Fact]
    public async Task Held_fulfillment_cannot_ship_until_released_and_hold_and_release_leave_system_notes_and_history_entries()
    {
        var number = await PaidOrderAsync();

        var held = await PostAsync(Agent, $"/api/v1/orders/{number}/fulfillment/hold", new { reason = "address to check" });
        var ship = await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/fulfillment", new { status = "Shipping" });
        var released = await PostAsync(Agent, $"/api/v1/orders/{number}/fulfillment/release");
        var shipAgain = await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/fulfillment", new { status = "Shipping" });

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal("OnHold", (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fulfillment").GetString());
        await ship.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shipAgain.StatusCode);
        var page = await driver.OrderAsync(number);
        Assert.Equal("Shipping", page.GetProperty("status").GetString());
        var notes = page.GetProperty("notes").EnumerateArray().Where(n => n.GetProperty("system").GetBoolean()).Select(n => n.GetProperty("text").GetString()).ToList();
        Assert.Contains("Fulfillment held by agent-1: address to check.", notes);
        Assert.Contains("Fulfillment released by agent-1.", notes);
        Assert.Equal(2, HistoryKinds(page).Count(k => k == "change"));
    }

    [Fact]
    public async Task Releasing_fulfillment_that_is_not_on_hold_is_409_and_changes_nothing()
    {
        var number = await PaidOrderAsync();
        var before = await StateAsync(number);

        await (await PostAsync(Agent, $"/api/v1/orders/{number}/fulfillment/release")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await StateAsync(number));
    }

    [Fact]
    public async Task Cancelled_fulfillment_is_final_an_order_being_shipped_goes_back_to_Paid_and_a_later_hold_is_409()
    {
        var number = await PaidOrderAsync();
        (await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/fulfillment", new { status = "Shipping" })).EnsureSuccessStatusCode();

        var cancelled = await PostAsync(Agent, $"/api/v1/orders/{number}/fulfillment/cancel", new { reason = "out of stock" });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var page = await cancelled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Paid", page.GetProperty("status").GetString());
        Assert.Equal("Cancelled", page.GetProperty("fulfillment").GetString());
        var before = await StateAsync(number);
        await (await PostAsync(Agent, $"/api/v1/orders/{number}/fulfillment/hold")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await PostAsync(Agent, $"/api/v1/orders/{number}/fulfillment/cancel")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/fulfillment", new { status = "Shipping" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await StateAsync(number));
    }

    // ---------------------------------------------------------------- discounts and quantities

    [Fact]
    public async Task Only_a_supervisor_or_an_admin_gives_a_discount_or_decreases_a_quantity()
    {
        var number = await PaidOrderAsync(quantity: 2);
        var before = await StateAsync(number);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(Agent, $"/api/v1/orders/{number}/discounts", new { amount = 5m })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PatchQuantityAsync(Agent, number, "main", 1)).StatusCode);

        Assert.Equal(before, await StateAsync(number));
    }

    [Fact]
    public async Task A_discount_before_the_trial_end_charge_lowers_that_charge_and_the_reminder_that_states_it()
    {
        var number = await TrialAsync();
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();

        var discounted = await PostAsync(Supervisor, $"/api/v1/orders/{number}/discounts", new { amount = 10m, reason = "goodwill" });

        Assert.Equal(HttpStatusCode.Created, discounted.StatusCode);
        var page = await discounted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10m, page.GetProperty("amounts").GetProperty("discounts").GetDecimal());
        Assert.Equal(39.95m, (await driver.WorkflowAsync(number))["product-charge"].GetProperty("amount").GetDecimal());
        Assert.Single(await driver.PaymentsAsync(number)); // only the S&H: nothing refunded
        Assert.Contains("change", HistoryKinds(page));

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(7));
        await fixture.Api.Mail.WaitForMessagesAsync(m => m.Raw.Contains($"order {number} are gone", StringComparison.Ordinal) && m.Raw.Contains("USD 39.95", StringComparison.Ordinal), 1, Timeout);
        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(15));

        var charge = (await driver.PaymentsAsync(number)).Single(p => p.GetProperty("eventId").GetString() == "product-charge");
        Assert.Equal(39.95m, charge.GetProperty("amount").GetDecimal());
        Assert.Equal(3995L, (await Ledger.FindAsync($"{number}:product-charge"))!.Result.AmountMinor);
    }

    [Fact]
    public async Task A_discount_after_payment_is_one_partial_refund_through_the_provider_keyed_by_the_order_and_the_change_even_when_retried()
    {
        var number = await PaidOrderAsync();
        var key = Key();

        var first = await PostAsync(Supervisor, $"/api/v1/orders/{number}/discounts", new { amount = 5m }, key);
        var retry = await PostAsync(Supervisor, $"/api/v1/orders/{number}/discounts", new { amount = 5m }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(retry.IsSuccessStatusCode, $"the retry answered {(int)retry.StatusCode}");
        var refund = Assert.Single(await driver.PaymentsAsync(number), p => p.GetProperty("kind").GetString() == "Refund");
        Assert.Equal(5m, refund.GetProperty("amount").GetDecimal());
        Assert.Equal("Approved", refund.GetProperty("status").GetString());
        Assert.Equal("change-1-refund", refund.GetProperty("eventId").GetString());
        var refunds = (await Ledger.ListAsync($"{number}:change-1-refund:")).ToList();
        Assert.Equal(500L, Assert.Single(refunds).Result.AmountMinor);
        var page = await driver.OrderAsync(number);
        Assert.Equal("Paid", page.GetProperty("status").GetString());
        Assert.Equal(44.50m, page.GetProperty("amounts").GetProperty("total").GetDecimal());
        Assert.Equal("Completed", (await driver.WorkflowAsync(number))["change-1-refund"].GetProperty("status").GetString());
        await (await PostAsync(Supervisor, $"/api/v1/orders/{number}/discounts", new { amount = 6m }, key)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_discount_larger_than_what_is_left_is_409_and_refunds_nothing()
    {
        var number = await PaidOrderAsync();
        var before = await StateAsync(number);

        await (await PostAsync(Supervisor, $"/api/v1/orders/{number}/discounts", new { amount = 49.51m })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await StateAsync(number));
        Assert.Empty(await Ledger.ListAsync($"{number}:change-"));
    }

    [Fact]
    public async Task A_discount_on_a_cancelled_order_is_409_and_changes_nothing()
    {
        var number = await PlaceAsync(driver, Unpaid(await driver.CreateCustomerAsync()));
        (await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/cancel", new { reason = "changed mind" })).EnsureSuccessStatusCode();
        var before = await StateAsync(number);

        await (await PostAsync(Supervisor, $"/api/v1/orders/{number}/discounts", new { amount = 1m })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await StateAsync(number));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.001")]
    public async Task A_discount_that_is_not_a_positive_amount_in_the_currency_s_precision_is_a_400_on_amount(string amount)
    {
        var number = await PaidOrderAsync();

        var problem = await (await PostAsync(Supervisor, $"/api/v1/orders/{number}/discounts", new { amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("amount", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_smaller_quantity_before_the_trial_end_charge_lowers_that_charge_and_leaves_a_note_and_a_history_entry()
    {
        var number = await TrialAsync(quantity: 2);

        var response = await PatchQuantityAsync(Supervisor, number, "main", 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, page.GetProperty("items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(49.95m, (await driver.WorkflowAsync(number))["product-charge"].GetProperty("amount").GetDecimal());
        Assert.Contains(page.GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString()!.StartsWith("Quantity of Anti-age cream decreased from 2 to 1", StringComparison.Ordinal));
        Assert.Contains("change", HistoryKinds(page));
        Assert.Single(await driver.PaymentsAsync(number));
    }

    [Fact]
    public async Task A_smaller_quantity_after_payment_refunds_the_units_price_through_the_provider()
    {
        var number = await PaidOrderAsync(quantity: 2);

        (await PatchQuantityAsync(Supervisor, number, "main", 1)).EnsureSuccessStatusCode();

        var refund = Assert.Single(await driver.PaymentsAsync(number), p => p.GetProperty("kind").GetString() == "Refund");
        Assert.Equal(45m, refund.GetProperty("amount").GetDecimal());
        Assert.Single(await Ledger.ListAsync($"{number}:change-1-refund:"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_same_or_a_larger_quantity_is_409_and_changes_nothing(int quantity)
    {
        var number = await TrialAsync(quantity: 2);
        var before = await StateAsync(number);

        await (await PatchQuantityAsync(Supervisor, number, "main", quantity)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await StateAsync(number));
    }

    [Fact]
    public async Task A_quantity_of_an_item_the_order_does_not_have_is_404_and_a_quantity_below_one_is_a_400_on_quantity()
    {
        var number = await TrialAsync(quantity: 2);

        await (await PatchQuantityAsync(Supervisor, number, "serum", 1)).AssertProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await PatchQuantityAsync(Supervisor, number, "main", 0)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("quantity", problem.Errors!.Keys);
    }
}
