using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Infrastructure.Payments;
using OrleansCrm.Testing;
using static OrleansCrm.Api.Tests.OrderApiCalls;
using static OrleansCrm.Testing.OrderBodies;
using static OrleansCrm.Testing.TestValues;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The order actions through the api: placement and its idempotency, status actions, refunds,
/// prepayments, notes, tasks, the order page, resends and search. One api (simulated clock, SMTP
/// sink) for the class; its clock is never moved here, so every order of it shares one placement
/// instant. A test that needs time to pass starts an api of its own.
/// </summary>
public sealed class OrderActionsApiTests(OrderActionsApiFixture fixture) : IClassFixture<OrderActionsApiFixture>, IAsyncLifetime
{
    private readonly WorkflowApiFactory factory = fixture.Api;

    private const string Pan = "4111 1111 1111 1111";
    private const string NoPrepaymentOffer = "cream-no-prepay";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly OrderDriver driver = new(fixture.Api.Admin());

    private HttpClient Agent => factory.Agent();

    private HttpClient Supervisor => factory.ClientWithKey(CrmApiFactory.SupervisorKey);

    private ISandboxLedger Ledger => factory.Services.GetRequiredService<ISandboxLedger>();

    public async ValueTask InitializeAsync() => await driver.EnsureOfferAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // ---------------------------------------------------------------- placement and idempotency

    [Fact]
    public async Task Placing_twice_with_one_Idempotency_Key_returns_the_same_order_number_and_charges_once()
    {
        var customer = await driver.CreateCustomerAsync();
        var key = Key();
        var body = Trial(customer);

        var first = await driver.PlaceAsync(body, key);
        var second = await driver.PlaceAsync(body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(second.IsSuccessStatusCode, $"the retry answered {(int)second.StatusCode}");
        var number = await NumberOf(first);
        Assert.Equal(number, await NumberOf(second));
        Assert.Equal(1, await Ledger.CountAsync($"{number}:sh-charge"));
        Assert.Single(await driver.PaymentsAsync(number));
        Assert.Equal([number], await CustomerOrderNumbersAsync(customer));
    }

    [Fact]
    public async Task Ten_concurrent_placements_with_one_Idempotency_Key_make_one_order_and_one_charge()
    {
        var customer = await driver.CreateCustomerAsync();
        var key = Key();
        var body = Paid(customer);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => driver.PlaceAsync(body, key)));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"a placement answered {(int)r.StatusCode}"));
        var numbers = (await Task.WhenAll(responses.Select(NumberOf))).Distinct().ToList();
        var number = Assert.Single(numbers);
        Assert.Equal(1, await Ledger.CountAsync($"{number}:payment"));
        Assert.Single(await driver.PaymentsAsync(number));
        Assert.Equal([number], await CustomerOrderNumbersAsync(customer));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_a_different_body_is_refused_with_409_and_places_nothing_more()
    {
        var customer = await driver.CreateCustomerAsync();
        var key = Key();
        var first = await driver.PlaceAsync(Paid(customer), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        await (await driver.PlaceAsync(Paid(customer, currency: "USD"), key)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal([await NumberOf(first)], await CustomerOrderNumbersAsync(customer));
    }

    [Fact]
    public async Task A_declined_card_at_placement_answers_402_with_the_decline_reason_and_creates_nothing()
    {
        var customer = await driver.CreateCustomerAsync();

        var trial = await (await driver.PlaceAsync(Trial(customer, Token("tok_decline")))).AssertProblemAsync(HttpStatusCode.PaymentRequired);
        var paid = await (await driver.PlaceAsync(Paid(customer, Token("tok_decline")), Key())).AssertProblemAsync(HttpStatusCode.PaymentRequired);

        Assert.Contains("The card was declined.", trial.Detail, StringComparison.Ordinal);
        Assert.Contains("The card was declined.", paid.Detail, StringComparison.Ordinal);
        Assert.Empty(await CustomerOrderNumbersAsync(customer));
    }

    [Fact]
    public async Task After_a_declined_card_the_same_Idempotency_Key_places_the_order_with_another_card()
    {
        var customer = await driver.CreateCustomerAsync();
        var key = Key();
        await (await driver.PlaceAsync(Paid(customer, Token("tok_decline")), key)).AssertProblemAsync(HttpStatusCode.PaymentRequired);

        var retry = await driver.PlaceAsync(Paid(customer, Token("tok_approve")), key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var number = await NumberOf(retry);
        Assert.Equal("Paid", await driver.StatusAsync(number));
        Assert.Equal([number], await CustomerOrderNumbersAsync(customer));
    }

    [Fact]
    public async Task An_unknown_offer_or_customer_is_a_400_naming_offerId_or_customerId()
    {
        var customer = await driver.CreateCustomerAsync();

        var offer = await (await driver.PlaceAsync(new { customerId = customer, offerId = "no-such-offer", currency = "USD", trial = true, cardToken = Token("tok_approve") }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var who = await (await driver.PlaceAsync(Trial("cus_no_such_customer")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("offerId", offer.Errors!.Keys);
        Assert.Contains("customerId", who.Errors!.Keys);
        Assert.Empty(await CustomerOrderNumbersAsync(customer));
    }

    [Theory]
    [InlineData(Pan)]
    [InlineData("4111111111111111")]
    [InlineData("123")]
    public async Task A_card_number_or_CVV_as_cardToken_is_a_400_on_cardToken_that_never_echoes_the_digits(string cardToken)
    {
        var customer = await driver.CreateCustomerAsync();

        var response = await driver.PlaceAsync(Trial(customer, cardToken));

        var raw = await response.Content.ReadAsStringAsync();
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cardToken", problem.Errors!.Keys);
        Assert.DoesNotContain(cardToken, WithoutTraceId(raw), StringComparison.Ordinal);
        Assert.DoesNotContain(cardToken.Replace(" ", "", StringComparison.Ordinal), WithoutTraceId(raw), StringComparison.Ordinal);
        Assert.Empty(await CustomerOrderNumbersAsync(customer));
    }

    [Fact]
    public async Task A_currency_the_offer_does_not_price_is_a_400_on_currency()
    {
        var customer = await driver.CreateCustomerAsync();

        var problem = await (await driver.PlaceAsync(Paid(customer, currency: "GBP"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("currency", problem.Errors!.Keys);
        Assert.Empty(await CustomerOrderNumbersAsync(customer));
    }

    [Fact]
    public async Task A_quantity_of_zero_is_a_400_on_that_line()
    {
        var customer = await driver.CreateCustomerAsync();

        var problem = await (await driver.PlaceAsync(new
        {
            customerId = customer, offerId = OrderDriver.Offer, currency = "EUR", trial = false, cardToken = Token("tok_approve"),
            items = new[] { new { sku = "main", quantity = 0 } },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("items[0].quantity", problem.Errors!.Keys);
        Assert.Empty(await CustomerOrderNumbersAsync(customer));
    }

    [Fact]
    public async Task A_non_trial_order_with_a_card_is_charged_its_full_total_at_once_and_is_Paid()
    {
        var customer = await driver.CreateCustomerAsync();

        var number = await PlaceAsync(Paid(customer));

        var order = await driver.OrderAsync(number);
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("autoCancelAt").ValueKind);
        var amounts = order.GetProperty("amounts");
        Assert.Equal(49.5m, amounts.GetProperty("total").GetDecimal()); // EUR 45 product + EUR 4.50 S&H
        Assert.Equal(49.5m, amounts.GetProperty("income").GetDecimal());
        var charge = Assert.Single(await driver.PaymentsAsync(number));
        Assert.Equal("Charge", charge.GetProperty("kind").GetString());
        Assert.Equal("Approved", charge.GetProperty("status").GetString());
        Assert.Equal(49.5m, charge.GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", charge.GetProperty("currency").GetString());
        Assert.Equal(1, await Ledger.CountAsync($"{number}:payment"));
    }

    [Fact]
    public async Task A_non_trial_order_without_a_card_is_Pending_with_an_auto_cancel_date_7_days_after_placement()
    {
        var customer = await driver.CreateCustomerAsync();

        var number = await PlaceAsync(Unpaid(customer));

        var order = await driver.OrderAsync(number);
        Assert.Equal("Pending", order.GetProperty("status").GetString());
        Assert.Equal(order.GetProperty("placedAt").GetDateTimeOffset().AddDays(7), order.GetProperty("autoCancelAt").GetDateTimeOffset());
        Assert.Empty(await driver.PaymentsAsync(number));
        Assert.Empty(await Ledger.ListAsync($"{number}:"));
    }

    // ---------------------------------------------------------------- status actions

    [Fact]
    public async Task Confirm_moves_a_Pending_order_to_Confirmed_and_confirming_again_is_409()
    {
        var number = await PlaceAsync(Unpaid(await driver.CreateCustomerAsync()));

        var confirmed = await Agent.PostAsync($"/api/v1/orders/{number}/confirm", null);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Confirmed", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await (await Agent.PostAsync($"/api/v1/orders/{number}/confirm", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Confirmed", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task Fulfillment_goes_Paid_Shipping_Shipped_Delivered_and_a_skipped_or_backward_step_is_409()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));

        await (await FulfillAsync(number, "Shipped")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await FulfillAsync(number, "Delivered")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Paid", await driver.StatusAsync(number));

        Assert.Equal("Shipping", await StatusOf(await FulfillAsync(number, "Shipping")));
        await (await FulfillAsync(number, "Delivered")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Shipped", await StatusOf(await FulfillAsync(number, "Shipped")));
        Assert.Equal("Delivered", await StatusOf(await FulfillAsync(number, "Delivered")));
        await (await FulfillAsync(number, "Shipping")).AssertProblemAsync(HttpStatusCode.Conflict);

        var history = (await driver.OrderAsync(number)).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("text").GetString()!).ToList();
        Assert.Contains(history, h => h.StartsWith("Shipped → Delivered", StringComparison.Ordinal));
        Assert.Equal("Delivered", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task Fulfilling_an_unpaid_order_is_409()
    {
        var number = await PlaceAsync(Unpaid(await driver.CreateCustomerAsync()));

        await (await FulfillAsync(number, "Shipping")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Pending", await driver.StatusAsync(number));
    }

    [Theory]
    [InlineData("\"Flying\"")]
    [InlineData("\"Cancelled\"")]
    [InlineData("3")]
    [InlineData("null")]
    public async Task A_fulfillment_status_that_is_not_a_fulfillment_step_is_a_400_on_status(string status)
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));

        var problem = await (await Agent.PostAsync($"/api/v1/orders/{number}/fulfillment", new StringContent($"{{\"status\":{status}}}", System.Text.Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("status", problem.Errors!.Keys);
        Assert.Equal("Paid", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task Cancelling_a_Paid_order_is_409_and_changes_nothing()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));
        await driver.EmailsSettledAsync(number);
        var before = await driver.OrderAsync(number);

        var problem = await (await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/cancel", new { reason = "Changed their mind" })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Paid", problem.Title, StringComparison.Ordinal);
        var after = await driver.OrderAsync(number);
        foreach (var part in new[] { "status", "autoCancelAt", "amounts", "payments", "workflow", "notes", "history" })
        {
            Assert.Equal(before.GetProperty(part).GetRawText(), after.GetProperty(part).GetRawText());
        }
    }

    [Fact]
    public async Task Only_an_admin_deletes_an_order_which_then_leaves_search_but_still_reads_as_Deleted()
    {
        var name = UniqueName();
        var customer = await CreateCustomerAsync(name);
        var number = await PlaceAsync(Unpaid(customer));

        await (await Agent.DeleteAsync($"/api/v1/orders/{number}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Supervisor.DeleteAsync($"/api/v1/orders/{number}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Pending", await driver.StatusAsync(number));
        Assert.Equal([number], await SearchNumbersAsync($"q={name}"));

        Assert.Equal(HttpStatusCode.NoContent, (await driver.Admin.DeleteAsync($"/api/v1/orders/{number}")).StatusCode);

        Assert.Empty(await SearchNumbersAsync($"q={name}"));
        Assert.Empty(await SearchNumbersAsync($"q={number}"));
        var order = await driver.OrderAsync(number);
        Assert.Equal("Deleted", order.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("autoCancelAt").ValueKind);
    }

    [Fact]
    public async Task After_delete_every_action_on_the_order_is_409_and_it_stays_Deleted()
    {
        var number = await PlaceAsync(Unpaid(await driver.CreateCustomerAsync()));
        Assert.Equal(HttpStatusCode.NoContent, (await driver.Admin.DeleteAsync($"/api/v1/orders/{number}")).StatusCode);
        var admin = driver.Admin;
        var at = (await driver.NowAsync()).AddDays(3);

        await (await admin.PostAsync($"/api/v1/orders/{number}/confirm", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/v1/orders/{number}/cancel", new { reason = "late" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/v1/orders/{number}/refund", new { amount = 1m })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/v1/orders/{number}/prepayments", new { amount = 1m, cardToken = Token("tok_approve") })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/v1/orders/{number}/fulfillment", new { status = "Shipping" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync($"/api/v1/orders/{number}")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutAsJsonAsync($"/api/v1/orders/{number}/auto-cancel", new { at })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync($"/api/v1/orders/{number}/analytics")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/v1/orders/{number}/tasks", new { title = "Call back" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/orders/{number}/workflow/order-confirmation/resend", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        var order = await driver.OrderAsync(number);
        Assert.Equal("Deleted", order.GetProperty("status").GetString());
        Assert.Empty(order.GetProperty("tasks").EnumerateArray());
        Assert.Empty(order.GetProperty("payments").EnumerateArray());
        Assert.DoesNotContain(order.GetProperty("workflow").EnumerateArray(), e => e.GetProperty("id").GetString()!.Contains("resend", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- refunds

    [Fact]
    public async Task An_agent_may_not_refund()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));

        await (await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/refund", new { amount = 10m })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Single(await driver.PaymentsAsync(number));
        Assert.Equal("Paid", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task A_supervisor_partial_refund_keeps_the_status_and_shows_in_payments_and_amounts()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));
        var charge = Assert.Single(await driver.PaymentsAsync(number));

        var response = await Supervisor.PostAsJsonAsync($"/api/v1/orders/{number}/refund", new { amount = 10m, reason = "Damaged box" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        var amounts = order.GetProperty("amounts");
        Assert.Equal(10m, amounts.GetProperty("refunded").GetDecimal());
        Assert.Equal(39.5m, amounts.GetProperty("refundable").GetDecimal());
        Assert.Equal(10m, amounts.GetProperty("expenses").GetDecimal());
        Assert.Equal(49.5m, amounts.GetProperty("income").GetDecimal());
        var refund = Assert.Single(await driver.PaymentsAsync(number), p => p.GetProperty("kind").GetString() == "Refund");
        Assert.Equal(10m, refund.GetProperty("amount").GetDecimal());
        Assert.Equal("Approved", refund.GetProperty("status").GetString());
        Assert.Equal(charge.GetProperty("transactionId").GetString(), refund.GetProperty("refundOf").GetString());
        Assert.Contains(order.GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString()!.StartsWith("Partial refund of EUR 10.00 by supervisor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refund_above_the_refundable_amount_is_a_400_on_amount_and_refunds_nothing()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));

        var problem = await (await Supervisor.PostAsJsonAsync($"/api/v1/orders/{number}/refund", new { amount = 49.51m })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("amount", problem.Errors!.Keys);
        Assert.Single(await driver.PaymentsAsync(number));
        Assert.Empty(await Ledger.ListAsync($"{number}:refund"));
        Assert.Equal("Paid", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task Refunding_the_rest_after_a_partial_refund_makes_the_order_Refunded()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));
        (await Supervisor.PostAsJsonAsync($"/api/v1/orders/{number}/refund", new { amount = 10m })).EnsureSuccessStatusCode();

        var response = await driver.Admin.PostAsJsonAsync($"/api/v1/orders/{number}/refund", new { reason = "Returned" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Refunded", order.GetProperty("status").GetString());
        Assert.Equal(49.5m, order.GetProperty("amounts").GetProperty("refunded").GetDecimal());
        Assert.Equal(0m, order.GetProperty("amounts").GetProperty("refundable").GetDecimal());
        Assert.Equal([10m, 39.5m], (await driver.PaymentsAsync(number)).Where(p => p.GetProperty("kind").GetString() == "Refund").Select(p => p.GetProperty("amount").GetDecimal()));
        await (await Supervisor.PostAsJsonAsync($"/api/v1/orders/{number}/refund", new { amount = 1m })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Repeating_a_refund_with_the_same_Idempotency_Key_refunds_once()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));
        var key = Key();

        var first = await RefundAsync(number, 10m, key);
        var second = await RefundAsync(number, 10m, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(await driver.PaymentsAsync(number), p => p.GetProperty("kind").GetString() == "Refund");
        Assert.Single(await Ledger.ListAsync($"{number}:refund"));
        var amounts = (await driver.OrderAsync(number)).GetProperty("amounts");
        Assert.Equal(10m, amounts.GetProperty("refunded").GetDecimal());
        Assert.Equal("Paid", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task Ten_concurrent_refunds_with_one_Idempotency_Key_refund_once()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));
        var key = Key();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RefundAsync(number, 10m, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await driver.PaymentsAsync(number), p => p.GetProperty("kind").GetString() == "Refund");
        Assert.Single(await Ledger.ListAsync($"{number}:refund"));
        Assert.Equal(10m, (await driver.OrderAsync(number)).GetProperty("amounts").GetProperty("refunded").GetDecimal());
    }

    // ---------------------------------------------------------------- prepayments

    [Fact]
    public async Task A_prepayment_covering_the_trial_product_makes_the_order_Paid_and_cancels_the_waiting_product_charge()
    {
        var number = await PlaceAsync(Trial(await driver.CreateCustomerAsync()));

        var response = await PrepayAsync(number, new { amount = 49.95m, cardToken = Token("tok_approve") }, Key());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.Equal(49.95m, order.GetProperty("amounts").GetProperty("prepayments").GetDecimal());
        Assert.Equal(4.95m + 49.95m, order.GetProperty("amounts").GetProperty("income").GetDecimal());
        var workflow = await driver.WorkflowAsync(number);
        Assert.Equal("Cancelled", workflow["product-charge"].GetProperty("status").GetString());
        var prepayment = Assert.Single(await driver.PaymentsAsync(number), p => p.GetProperty("kind").GetString() == "Prepayment");
        Assert.Equal(49.95m, prepayment.GetProperty("amount").GetDecimal());
        Assert.Equal("Approved", prepayment.GetProperty("status").GetString());
        Assert.Equal(0, await Ledger.CountAsync($"{number}:product-charge"));
    }

    [Fact]
    public async Task A_partial_prepayment_keeps_the_trial_and_repeating_it_with_the_same_Idempotency_Key_takes_it_once()
    {
        var number = await PlaceAsync(Trial(await driver.CreateCustomerAsync()));
        var key = Key();

        var first = await PrepayAsync(number, new { amount = 20m }, key);
        var second = await PrepayAsync(number, new { amount = 20m }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var order = await driver.OrderAsync(number);
        Assert.Equal("Trial", order.GetProperty("status").GetString());
        Assert.Equal(20m, order.GetProperty("amounts").GetProperty("prepayments").GetDecimal());
        Assert.Single(await driver.PaymentsAsync(number), p => p.GetProperty("kind").GetString() == "Prepayment");
        Assert.Equal(1, await Ledger.CountAsync($"{number}:prepayment:{key}"));
        Assert.Equal("Waiting", (await driver.WorkflowAsync(number))["product-charge"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_prepayment_on_an_offer_that_does_not_allow_it_is_409()
    {
        var offer = JsonSerializer.SerializeToNode(Payloads.Offer("Cream without prepayment"))!.AsObject();
        offer["prepaymentAllowed"] = false;
        (await driver.Admin.PutAsJsonAsync($"/api/v1/offers/{NoPrepaymentOffer}", offer)).EnsureSuccessStatusCode();
        var customer = await driver.CreateCustomerAsync();
        var number = await PlaceAsync(new { customerId = customer, offerId = NoPrepaymentOffer, currency = "USD", trial = true, cardToken = Token("tok_approve") });

        await (await PrepayAsync(number, new { amount = 10m }, Key())).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Single(await driver.PaymentsAsync(number));
        Assert.Equal(0m, (await driver.OrderAsync(number)).GetProperty("amounts").GetProperty("prepayments").GetDecimal());
    }

    [Fact]
    public async Task A_declined_prepayment_is_402_and_records_nothing()
    {
        var number = await PlaceAsync(Trial(await driver.CreateCustomerAsync()));
        await driver.EmailsSettledAsync(number);
        var before = await driver.OrderAsync(number);

        var problem = await (await PrepayAsync(number, new { amount = 49.95m, cardToken = Token("tok_decline") }, Key())).AssertProblemAsync(HttpStatusCode.PaymentRequired);

        Assert.Contains("The card was declined.", problem.Detail, StringComparison.Ordinal);
        var after = await driver.OrderAsync(number);
        Assert.Equal("Trial", after.GetProperty("status").GetString());
        foreach (var part in new[] { "amounts", "payments", "workflow", "notes" })
        {
            Assert.Equal(before.GetProperty(part).GetRawText(), after.GetProperty(part).GetRawText());
        }
    }

    [Fact]
    public async Task A_prepayment_above_what_is_still_owed_is_a_400_on_amount_and_takes_nothing()
    {
        var number = await PlaceAsync(Trial(await driver.CreateCustomerAsync()));

        var problem = await (await PrepayAsync(number, new { amount = 49.96m }, Key())).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("amount", problem.Errors!.Keys);
        Assert.Single(await driver.PaymentsAsync(number));
        Assert.Equal("Trial", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task A_prepayment_on_a_Paid_order_is_409()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));

        await (await PrepayAsync(number, new { amount = 1m }, Key())).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Single(await driver.PaymentsAsync(number));
    }

    // ---------------------------------------------------------------- notes, tasks, analytics, the order page

    [Fact]
    public async Task An_order_note_is_written_by_the_key_s_user_and_a_card_number_in_it_is_redacted()
    {
        var number = await PlaceAsync(Trial(await driver.CreateCustomerAsync()));

        var response = await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/notes", new { text = $"Customer read {Pan} out loud" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Pan, raw, StringComparison.Ordinal);
        var note = JsonSerializer.Deserialize<JsonElement>(raw);
        Assert.Equal("agent-1", note.GetProperty("author").GetString());
        Assert.Equal("Customer read XXXX XXXX XXXX 1111 out loud", note.GetProperty("text").GetString());
        Assert.False(note.GetProperty("system").GetBoolean());
        var page = await driver.Admin.GetStringAsync($"/api/v1/orders/{number}");
        Assert.DoesNotContain(Pan, page, StringComparison.Ordinal);
        var stored = JsonSerializer.Deserialize<JsonElement>(page).GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == note.GetProperty("id").GetString());
        Assert.Equal("agent-1", stored.GetProperty("author").GetString());
        Assert.Equal("Customer read XXXX XXXX XXXX 1111 out loud", stored.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_empty_note_is_a_400_on_text()
    {
        var number = await PlaceAsync(Trial(await driver.CreateCustomerAsync()));

        var problem = await (await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/notes", new { text = "   " })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("text", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_task_is_created_with_title_due_date_and_assignee_and_shows_on_the_order_page()
    {
        var number = await PlaceAsync(Unpaid(await driver.CreateCustomerAsync()));
        var due = (await driver.NowAsync()).AddDays(2);

        var response = await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/tasks", new { title = "Call about the invoice", dueAt = due, assignee = "agent-2" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var task = Assert.Single((await driver.OrderAsync(number)).GetProperty("tasks").EnumerateArray());
        Assert.Equal(created.GetProperty("id").GetString(), task.GetProperty("id").GetString());
        Assert.Equal("Call about the invoice", task.GetProperty("title").GetString());
        Assert.Equal(due, task.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("agent-2", task.GetProperty("assignee").GetString());
        Assert.False(task.GetProperty("done").GetBoolean());
        Assert.Equal("agent-1", task.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task A_task_without_a_title_is_a_400_on_title()
    {
        var number = await PlaceAsync(Unpaid(await driver.CreateCustomerAsync()));

        var problem = await (await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/tasks", new { assignee = "agent-2" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("title", problem.Errors!.Keys);
        Assert.Empty((await driver.OrderAsync(number)).GetProperty("tasks").EnumerateArray());
    }

    [Fact]
    public async Task Removing_the_analytics_clears_source_and_channel_and_adds_a_system_note()
    {
        var customer = await driver.CreateCustomerAsync();
        var number = await PlaceAsync(new
        {
            customerId = customer, offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = Token("tok_approve"),
            analytics = new { source = "google", channel = "cpc" },
        });
        var placed = (await driver.OrderAsync(number)).GetProperty("analytics");
        Assert.Equal("google", placed.GetProperty("source").GetString());
        Assert.Equal("cpc", placed.GetProperty("channel").GetString());

        var response = await Agent.DeleteAsync($"/api/v1/orders/{number}/analytics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await driver.OrderAsync(number);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("analytics").ValueKind);
        Assert.Contains(order.GetProperty("notes").EnumerateArray(), n =>
            n.GetProperty("system").GetBoolean() && n.GetProperty("text").GetString()!.Contains("Analytics (source, channel) removed by agent-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_order_page_shows_the_customer_block_local_time_ip_masked_card_and_all_orders_of_the_customer()
    {
        var name = UniqueName();
        var customer = await CreateCustomerAsync(name);
        (await Agent.PostAsJsonAsync($"/api/v1/customers/{customer}/notes", new { text = "Prefers calls after 18:00" })).EnsureSuccessStatusCode();
        var trial = await PlaceAsync(new
        {
            customerId = customer, offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = Token("tok_approve"), ip = "203.0.113.7",
        });
        var unpaid = await PlaceAsync(Unpaid(customer));
        var now = await driver.NowAsync();

        var page = await driver.OrderAsync(trial);

        var block = page.GetProperty("customer");
        Assert.Equal(customer, block.GetProperty("id").GetString());
        Assert.Equal(name, block.GetProperty("name").GetString());
        Assert.Equal("unassigned", block.GetProperty("personalManager").GetString());
        Assert.Contains(block.GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString() == "Prefers calls after 18:00");
        var local = block.GetProperty("localTime");
        Assert.Equal("Europe/Rome", local.GetProperty("timeZone").GetString());
        var time = local.GetProperty("time").GetDateTimeOffset();
        Assert.Equal(now, time);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome").GetUtcOffset(now), time.Offset);
        Assert.Equal("203.0.113.7", page.GetProperty("ip").GetString());
        var card = page.GetProperty("card");
        Assert.Equal("XXXX XXXX XXXX 4242", card.GetProperty("number").GetString());
        Assert.Equal(JsonValueKind.Null, (await driver.OrderAsync(unpaid)).GetProperty("card").ValueKind);
        foreach (var number in new[] { trial, unpaid })
        {
            var orders = (await driver.OrderAsync(number)).GetProperty("customerOrders").EnumerateArray().Select(o => o.GetProperty("number").GetString()).ToList();
            Assert.Equal([unpaid, trial], orders);
        }
    }

    [Fact]
    public async Task The_order_page_shows_the_customer_s_personal_manager_when_there_is_one()
    {
        var customer = await CreateCustomerAsync(UniqueName(), personalManager: "agent-2");
        var number = await PlaceAsync(Unpaid(customer));

        Assert.Equal("agent-2", (await driver.OrderAsync(number)).GetProperty("customer").GetProperty("personalManager").GetString());
    }

    // ---------------------------------------------------------------- resend

    [Fact]
    public async Task Resending_the_sent_order_confirmation_adds_a_resend_row_that_is_Completed_and_a_second_email_reaches_the_customer()
    {
        var email = $"{UniqueName().ToLowerInvariant()}@example.it";
        var customer = await driver.CreateCustomerAsync("Resend Customer", email);
        var number = await PlaceAsync(Trial(customer));
        bool Confirmation(ReceivedEmail m) =>
            m.Recipients.Contains(email, StringComparer.OrdinalIgnoreCase) && m.Raw.Contains($"Your order {number} is confirmed", StringComparison.Ordinal);
        await factory.Mail.WaitForMessagesAsync(Confirmation, 1, Timeout);
        Assert.Equal("Completed", (await driver.WorkflowAsync(number))["order-confirmation"].GetProperty("status").GetString());

        var response = await Agent.PostAsync($"/api/v1/orders/{number}/workflow/order-confirmation/resend", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var workflow = await driver.WorkflowAsync(number);
        var resent = workflow["order-confirmation-resend-1"];
        Assert.Equal("Completed", resent.GetProperty("status").GetString());
        Assert.Equal("Email", resent.GetProperty("type").GetString());
        Assert.Equal(email, resent.GetProperty("recipient").GetString());
        Assert.Equal("Completed", workflow["order-confirmation"].GetProperty("status").GetString());
        Assert.Equal(2, (await factory.Mail.WaitForMessagesAsync(Confirmation, 2, Timeout)).Count);
    }

    [Theory]
    [InlineData("sh-charge")]
    [InlineData("trial-reminder")]
    [InlineData("product-charge")]
    public async Task Resending_a_charge_row_or_a_waiting_email_is_409(string eventId)
    {
        var number = await PlaceAsync(Trial(await driver.CreateCustomerAsync()));
        var before = (await driver.WorkflowAsync(number)).Count;

        await (await Agent.PostAsync($"/api/v1/orders/{number}/workflow/{eventId}/resend", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, (await driver.WorkflowAsync(number)).Count);
    }

    [Fact]
    public async Task Resending_an_unknown_workflow_row_is_404()
    {
        var number = await PlaceAsync(Trial(await driver.CreateCustomerAsync()));

        await (await Agent.PostAsync($"/api/v1/orders/{number}/workflow/no-such-row/resend", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // ---------------------------------------------------------------- search

    [Fact]
    public async Task Search_by_a_status_list_returns_only_orders_in_those_statuses()
    {
        var name = UniqueName();
        var customer = await CreateCustomerAsync(name);
        var paid = await PlaceAsync(Paid(customer));
        var pending = await PlaceAsync(Unpaid(customer));
        var trial = await PlaceAsync(Trial(customer));

        Assert.Equal(Sorted(paid, pending), Sorted([.. await SearchNumbersAsync($"q={name}&status=Paid,Pending")]));
        Assert.Equal([trial], await SearchNumbersAsync($"q={name}&status=Trial"));
        Assert.Equal(Sorted(paid, pending, trial), Sorted([.. await SearchNumbersAsync($"q={name}")]));
        Assert.Empty(await SearchNumbersAsync($"q={name}&status=Refunded"));
    }

    [Fact]
    public async Task Search_text_finds_an_order_by_number_customer_name_email_or_phone_in_any_case()
    {
        var name = UniqueName();
        var phone = "+39" + Random.Shared.NextInt64(3_000_000_000, 3_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var email = $"{name.ToLowerInvariant()}@shop.example";
        var customer = await CreateCustomerAsync(name, email: email, phone: phone);
        var number = await PlaceAsync(Unpaid(customer));

        Assert.Contains(number, await SearchNumbersAsync($"q={number}"));
        Assert.Equal([number], await SearchNumbersAsync($"q={name.ToUpperInvariant()}"));
        Assert.Equal([number], await SearchNumbersAsync($"q={Uri.EscapeDataString(email.ToUpperInvariant())}"));
        Assert.Equal([number], await SearchNumbersAsync($"q={Uri.EscapeDataString(phone)}"));
        Assert.Contains(number, await SearchNumbersAsync($"q={phone[^8..]}"));
        var found = await SearchAsync($"q={name}");
        var entry = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(customer, entry.GetProperty("customerId").GetString());
        Assert.Equal(email, entry.GetProperty("customerEmail").GetString());
        Assert.Equal("Pending", entry.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Search_pages_with_a_total_newest_first()
    {
        var name = UniqueName();
        var customer = await CreateCustomerAsync(name);
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await PlaceAsync(Unpaid(customer)));
        }

        var newestFirst = Enumerable.Reverse(numbers).ToList();
        var first = await SearchAsync($"q={name}&skip=0&take=2");
        var second = await SearchAsync($"q={name}&skip=2&take=2");
        var beyond = await SearchAsync($"q={name}&skip=10&take=2");

        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(newestFirst[..2], Numbers(first));
        Assert.Equal(5, second.GetProperty("total").GetInt32());
        Assert.Equal(newestFirst[2..4], Numbers(second));
        Assert.Equal(2, second.GetProperty("skip").GetInt32());
        Assert.Equal(2, second.GetProperty("take").GetInt32());
        Assert.Empty(Numbers(beyond));
        Assert.Equal(5, beyond.GetProperty("total").GetInt32());
        await (await Agent.GetAsync($"/api/v1/orders?q={name}&take=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_by_placement_dates_takes_from_inclusive_and_to_exclusive_newest_first()
    {
        // This test moves time, so it runs on an api of its own.
        await using var api = new WorkflowApiFactory();
        var own = new OrderDriver(api.Admin());
        await own.EnsureOfferAsync();
        var customer = await own.CreateCustomerAsync();
        var start = await own.NowAsync();
        var placed = new List<(string Number, DateTimeOffset At)>();
        for (var day = 0; day < 3; day++)
        {
            await own.AdvanceToAsync(start, TimeSpan.FromDays(day));
            var response = await own.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = Token("tok_approve") });
            response.EnsureSuccessStatusCode();
            var number = await NumberOf(response);
            placed.Add((number, (await own.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset()));
        }

        async Task<List<string>> Between(DateTimeOffset? from, DateTimeOffset? to)
        {
            var query = "take=50" + (from is { } f ? $"&from={Uri.EscapeDataString(f.ToString("O"))}" : "") + (to is { } t ? $"&to={Uri.EscapeDataString(t.ToString("O"))}" : "");
            return Numbers(await own.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/orders?{query}"));
        }

        var (a, b, c) = (placed[0], placed[1], placed[2]);
        Assert.Equal([c.Number, b.Number, a.Number], await Between(null, null));
        Assert.Equal([b.Number], await Between(b.At, c.At));
        Assert.Equal([c.Number, b.Number], await Between(b.At, null));
        Assert.Equal([a.Number], await Between(null, b.At));
        Assert.Equal([c.Number], await Between(b.At.AddTicks(1), null));
        var page = await own.Admin.GetFromJsonAsync<JsonElement>("/api/v1/orders?skip=1&take=1");
        Assert.Equal([b.Number], Numbers(page));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var problem = await (await own.Admin.GetAsync($"/api/v1/orders?from={Uri.EscapeDataString(c.At.ToString("O"))}&to={Uri.EscapeDataString(a.At.ToString("O"))}"))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("to", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Upsell_eligible_search_returns_only_Paid_Shipping_Shipped_and_Delivered_orders()
    {
        var name = UniqueName();
        var customer = await CreateCustomerAsync(name);
        var paid = await PlaceAsync(Paid(customer));
        var shipping = await PlaceAsync(Paid(customer));
        var shipped = await PlaceAsync(Paid(customer));
        var delivered = await PlaceAsync(Paid(customer));
        var refunded = await PlaceAsync(Paid(customer));
        await PlaceAsync(Unpaid(customer));
        await PlaceAsync(Trial(customer));
        var confirmed = await PlaceAsync(Unpaid(customer));
        (await Agent.PostAsync($"/api/v1/orders/{confirmed}/confirm", null)).EnsureSuccessStatusCode();
        var cancelled = await PlaceAsync(Unpaid(customer));
        (await Agent.PostAsJsonAsync($"/api/v1/orders/{cancelled}/cancel", new { reason = "No longer wanted" })).EnsureSuccessStatusCode();
        foreach (var (number, steps) in new[] { (shipping, 1), (shipped, 2), (delivered, 3) })
        {
            foreach (var step in new[] { "Shipping", "Shipped", "Delivered" }.Take(steps))
            {
                (await FulfillAsync(number, step)).EnsureSuccessStatusCode();
            }
        }

        (await Supervisor.PostAsJsonAsync($"/api/v1/orders/{refunded}/refund", new { })).EnsureSuccessStatusCode();

        var eligible = await SearchAsync($"q={name}&upsellEligible=true");

        Assert.Equal(Sorted(paid, shipping, shipped, delivered), Sorted([.. Numbers(eligible)]));
        Assert.Equal(4, eligible.GetProperty("total").GetInt32());
        Assert.All(eligible.GetProperty("items").EnumerateArray(), e => Assert.Contains(e.GetProperty("status").GetString(), new[] { "Paid", "Shipping", "Shipped", "Delivered" }));
        Assert.Equal([shipped], await SearchNumbersAsync($"q={name}&upsellEligible=true&status=Shipped,Pending"));
        Assert.Empty(await SearchNumbersAsync($"q={name}&upsellEligible=true&status=Pending,Trial"));
        Assert.Equal(9, (await SearchAsync($"q={name}")).GetProperty("total").GetInt32());
        Assert.Equal(9, (await SearchAsync($"q={name}&upsellEligible=false")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("Lost")]
    [InlineData("Paid,Lost")]
    [InlineData("3")]
    public async Task A_status_that_is_not_an_order_status_is_a_400_on_status(string status)
    {
        var problem = await (await Agent.GetAsync($"/api/v1/orders?status={Uri.EscapeDataString(status)}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("status", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Deleted_orders_never_appear_in_search_even_when_asked_for_by_status()
    {
        var name = UniqueName();
        var customer = await CreateCustomerAsync(name);
        var kept = await PlaceAsync(Paid(customer));
        var deleted = await PlaceAsync(Paid(customer));
        Assert.Equal(HttpStatusCode.NoContent, (await driver.Admin.DeleteAsync($"/api/v1/orders/{deleted}")).StatusCode);

        Assert.Equal([kept], await SearchNumbersAsync($"q={name}"));
        Assert.Empty(await SearchNumbersAsync($"q={name}&status=Deleted"));
        Assert.Equal([kept], await SearchNumbersAsync($"q={name}&upsellEligible=true"));
        Assert.Empty(await SearchNumbersAsync($"q={deleted}"));
        Assert.Equal(1, (await SearchAsync($"q={name}")).GetProperty("total").GetInt32());
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A name no other test's customer has: letters only, so it is searchable as is.</summary>
    private static string UniqueName() => "Zed" + Letters(12);

    private static async Task<string?> StatusOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
    }

    private Task<string> PlaceAsync(object body) => OrderApiCalls.PlaceAsync(driver, body);

    private Task<string> CreateCustomerAsync(string name, string? email = null, string? phone = null, string? personalManager = null) =>
        OrderApiCalls.CreateCustomerAsync(Agent, name, email, phone, personalManager);

    private Task<List<string>> CustomerOrderNumbersAsync(string customerId) => OrderApiCalls.CustomerOrderNumbersAsync(Agent, customerId);

    private Task<JsonElement> SearchAsync(string query) => OrderApiCalls.SearchAsync(Agent, query);

    private async Task<List<string>> SearchNumbersAsync(string query) => Numbers(await SearchAsync(query));

    private Task<HttpResponseMessage> FulfillAsync(string number, string status) =>
        Agent.PostAsJsonAsync($"/api/v1/orders/{number}/fulfillment", new { status });

    private Task<HttpResponseMessage> RefundAsync(string number, decimal amount, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{number}/refund") { Content = JsonContent.Create(new { amount }) };
        request.Headers.Add("Idempotency-Key", key);
        return Supervisor.SendAsync(request);
    }

    private Task<HttpResponseMessage> PrepayAsync(string number, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{number}/prepayments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return Agent.SendAsync(request);
    }

    [Fact]
    public async Task After_a_declined_prepayment_without_a_key_another_card_without_a_key_is_charged()
    {
        var number = await PlaceAsync(Trial(await driver.CreateCustomerAsync()));
        await (await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/prepayments", new { amount = 49.95m, cardToken = Token("tok_decline") })).AssertProblemAsync(HttpStatusCode.PaymentRequired);

        var retry = await Agent.PostAsJsonAsync($"/api/v1/orders/{number}/prepayments", new { amount = 49.95m, cardToken = Token("tok_approve") });

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode); // today: 402, the decline stored under "{number}:prepayment-1"
        Assert.Equal("Paid", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task Repeating_a_full_refund_with_the_same_Idempotency_Key_answers_as_the_first_time()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));
        var key = Key();
        Task<HttpResponseMessage> Refund()
        {
            var r = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{number}/refund") { Content = JsonContent.Create(new { reason = "Returned" }) };
            r.Headers.Add("Idempotency-Key", key);
            return Supervisor.SendAsync(r);
        }

        var first = await Refund();
        var second = await Refund();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode); // today: 409 "Cannot refund an order that is Refunded"
        Assert.Single(await driver.PaymentsAsync(number), p => p.GetProperty("kind").GetString() == "Refund");
    }

    [Fact]
    public async Task Repeating_a_full_prepayment_with_the_same_Idempotency_Key_answers_as_the_first_time()
    {
        var number = await PlaceAsync(Trial(await driver.CreateCustomerAsync()));
        var key = Key();

        var first = await PrepayAsync(number, new { amount = 49.95m }, key);
        var second = await PrepayAsync(number, new { amount = 49.95m }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode); // today: 409 "Cannot prepay an order that is Paid"
        Assert.Single(await driver.PaymentsAsync(number), p => p.GetProperty("kind").GetString() == "Prepayment");
    }

    [Fact]
    public async Task A_refund_repeated_with_the_same_Idempotency_Key_but_another_amount_is_refused_with_409()
    {
        var number = await PlaceAsync(Paid(await driver.CreateCustomerAsync()));
        var key = Key();
        (await RefundAsync(number, 10m, key)).EnsureSuccessStatusCode();

        var second = await RefundAsync(number, 20m, key);

        await second.AssertProblemAsync(HttpStatusCode.Conflict); // today: 200, and only 10 refunded
    }

}

/// <summary>
/// The class's one api. A wrapper, because a class fixture needs a single public constructor and
/// <see cref="WorkflowApiFactory"/> also has one that takes a connection string.
/// </summary>
public sealed class OrderActionsApiFixture : IAsyncDisposable
{
    public WorkflowApiFactory Api { get; } = new();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
