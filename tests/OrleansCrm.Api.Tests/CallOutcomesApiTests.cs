using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;
using static OrleansCrm.Api.Tests.OrderApiCalls;
using static OrleansCrm.Testing.TestValues;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// Outcomes and their effects through the api: the campaign's catalog by type (R, N, C), the built-in outcomes
/// of a call about an order, the message to the customer with its copy to the manager, the atomic commit of the
/// draft, order tasks and the calls made for them, and the supervisor's outcome report. One api (simulated clock,
/// SMTP sink) for the class; tests only move its clock forward and read "now" afresh, and each works on its own
/// campaign, customers, phone numbers and agents.
/// </summary>
public sealed class CallOutcomesApiTests(CallOutcomesApiFixture fixture) : IClassFixture<CallOutcomesApiFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly object NotInterested = new { code = "not-interested", label = "Not interested", type = "N", color = "#795548" };
    private static readonly object Interested = new { code = "interested", label = "Interested", type = "R", color = "#00AA00", quick = true };
    private static readonly object SoldOnline = new { code = "sold", label = "Sold online", type = "C", color = "#1B5E20", quick = true };

    private readonly WorkflowApiFactory api = fixture.Api;
    private readonly CallDriver calls = new(fixture.Api.Admin());
    private readonly OrderDriver orders = new(fixture.Api.Admin());

    private HttpClient Admin => calls.Admin;

    public async ValueTask InitializeAsync() => await orders.EnsureOfferAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // ---------------------------------------------------------------- the catalog, by type

    [Fact]
    public async Task An_outcome_code_not_in_the_campaigns_catalog_is_a_400_naming_code_and_the_call_stays_open()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [NotInterested]);
        var callId = await DialNewLeadAsync(campaign, "agent-1");

        var problem = await (await calls.OutcomeAsync(callId, new { code = "sold-twice", comment = "No such outcome" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("code", problem.Errors!.Keys);
        var call = await calls.CallAsync(callId);
        Assert.Equal("Open", Str(call, "status"));
        Assert.Equal(JsonValueKind.Null, call.GetProperty("outcome").ValueKind);
    }

    [Fact]
    public async Task A_custom_R_outcome_needs_a_callbackAt_in_the_future_within_90_days_and_then_calls_back_privately_at_that_time()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [Interested]);
        var callId = await DialNewLeadAsync(campaign, "agent-1");
        var now = await calls.NowAsync();

        foreach (var callbackAt in new DateTimeOffset?[] { null, now.AddMinutes(-1), now, now.AddDays(90).AddMinutes(1) })
        {
            var problem = await (await calls.OutcomeAsync(callId, new { code = "interested", callbackAt })).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.Errors!.ContainsKey("callbackAt"), $"callbackAt {callbackAt:O}: {string.Join(", ", problem.Errors.Keys)}");
        }

        Assert.Equal("Open", Str(await calls.CallAsync(callId), "status"));
        var at = now.AddHours(2);
        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "interested", comment = "Wants to talk to the spouse first", callbackAt = at });
        Assert.Equal(at, confirmed.GetProperty("outcome").GetProperty("callbackAt").GetDateTimeOffset());
        Assert.Equal("Private", Str(confirmed.GetProperty("outcome"), "callbackVisibility"));

        await calls.AdvanceToAsync(at.AddMinutes(-1));
        Assert.Null(await calls.NextAsync(campaign, "agent-1"));
        await calls.AdvanceToAsync(at);
        Assert.Null(await calls.NextAsync(campaign, "agent-2"));
        var handOut = await calls.NextAsync(campaign, "agent-1");
        Assert.NotNull(handOut);
        Assert.Equal("PrivateCallback", Str(handOut.Value, "why"));
    }

    [Fact]
    public async Task A_callbackAt_exactly_90_days_ahead_is_accepted()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [Interested]);
        var callId = await DialNewLeadAsync(campaign, "agent-1");
        var at = (await calls.NowAsync()).AddDays(90);

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "interested", callbackAt = at });

        Assert.Equal(at, confirmed.GetProperty("outcome").GetProperty("callbackAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_callbackAt_on_an_outcome_that_never_calls_back_is_a_400_on_callbackAt_not_silently_dropped()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [NotInterested]);
        var callId = await DialNewLeadAsync(campaign, "agent-1");
        var at = (await calls.NowAsync()).AddHours(2);

        foreach (var code in new[] { "not-interested", "refusal" })
        {
            var problem = await (await calls.OutcomeAsync(callId, new { code, callbackAt = at })).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.Errors!.ContainsKey("callbackAt"), $"{code}: {string.Join(", ", problem.Errors.Keys)}");
        }

        Assert.Equal("Open", Str(await calls.CallAsync(callId), "status"));
    }

    [Fact]
    public async Task A_custom_N_outcome_ends_calling_the_contact_is_done_and_never_handed_out_again()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [NotInterested]);
        var callId = await DialNewLeadAsync(campaign, "agent-1");

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "not-interested", comment = "Has a cream already" });

        Assert.Equal("N", Str(confirmed.GetProperty("outcome"), "type"));
        Assert.Equal(1, (await calls.StatsAsync(campaign)).GetProperty("done").GetInt32());
        await calls.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Null(await calls.NextAsync(campaign, "agent-1"));
        Assert.Null(await calls.NextAsync(campaign, "agent-2"));
        var stats = await calls.StatsAsync(campaign);
        Assert.Equal(1, stats.GetProperty("done").GetInt32());
        Assert.Equal(0, stats.GetProperty("due").GetInt32());
        Assert.Equal(0, stats.GetProperty("scheduled").GetInt32());
    }

    [Fact]
    public async Task A_C_outcome_turns_the_drafts_cart_into_a_contract_with_a_protocol_number_shown_with_lines_total_currency_and_agent()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [SoldOnline]);
        var callId = await DialNewLeadAsync(campaign, "agent-2");
        await DraftOkAsync(callId, new
        {
            notes = "Two creams and a serum",
            cart = new
            {
                currency = "EUR",
                lines = new object[] { new { product = "Anti-age cream", quantity = 2, unitPrice = 45m }, new { product = "Serum", quantity = 1, unitPrice = 19.99m } },
            },
        });

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "sold", comment = "Closed on the phone" });

        var protocol = Str(confirmed.GetProperty("outcome"), "contractProtocol");
        Assert.False(string.IsNullOrWhiteSpace(protocol));
        var response = await Admin.GetAsync($"/api/v1/contracts/{protocol}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contract = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(protocol, Str(contract, "protocol"));
        Assert.Equal(callId, Str(contract, "callId"));
        Assert.Equal(campaign, Str(contract, "campaignId"));
        Assert.Equal("agent-2", Str(contract, "agentId"));
        Assert.Equal("EUR", Str(contract, "currency"));
        Assert.Equal(109.99m, contract.GetProperty("total").GetDecimal());
        var lines = contract.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["Anti-age cream", "Serum"], lines.Select(l => Str(l, "product")));
        Assert.Equal([2, 1], lines.Select(l => l.GetProperty("quantity").GetInt32()));
        Assert.Equal([45m, 19.99m], lines.Select(l => l.GetProperty("unitPrice").GetDecimal()));
        var agentView = await api.Agent().GetAsync($"/api/v1/contracts/{protocol}");
        Assert.Equal(HttpStatusCode.OK, agentView.StatusCode);
        await (await Admin.GetAsync("/api/v1/contracts/CT-no-such-contract")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_C_outcome_without_a_cart_in_the_draft_is_a_400_on_draft_cart_and_nothing_is_committed()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [SoldOnline]);
        var callId = await DialNewLeadAsync(campaign, "agent-1");
        await DraftOkAsync(callId, new { notes = "Wanted to buy, no cart yet" });

        var problem = await (await calls.OutcomeAsync(callId, new { code = "sold" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("draft.cart", problem.Errors!.Keys);
        var call = await calls.CallAsync(callId);
        Assert.Equal("Open", Str(call, "status"));
        Assert.Equal(0, (await calls.StatsAsync(campaign)).GetProperty("done").GetInt32());
        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "completed" });
        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("outcome").GetProperty("contractProtocol").ValueKind);
    }

    [Fact]
    public async Task Thirty_concurrent_C_outcomes_get_thirty_different_protocol_numbers_each_with_its_own_contract()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [SoldOnline]);
        var leads = Enumerable.Range(0, 30).Select(_ => new { id = "lead-" + Letters(10), name = "Buyer", phone = TestValues.Phone() }).ToArray();
        var imported = await calls.ImportAsync(campaign, leads);
        Assert.Equal(30, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        var callIds = new List<string>();
        foreach (var lead in leads)
        {
            var started = await calls.StartAsync(new { campaignId = campaign, contactId = lead.id, agentId = "agent-" + Letters(6) });
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            callIds.Add(Str(await started.Content.ReadFromJsonAsync<JsonElement>(), "id"));
        }

        await Task.WhenAll(callIds.Select(id => DraftOkAsync(id, new { cart = new { currency = "USD", lines = new[] { new { product = "Cream", quantity = 1, unitPrice = 49.95m } } } })));
        var confirmed = await Task.WhenAll(callIds.Select(id => calls.ConfirmOkAsync(id, new { code = "sold" })));

        var protocols = confirmed.Select(c => Str(c.GetProperty("outcome"), "contractProtocol")).ToList();
        Assert.Equal(30, protocols.Distinct().Count());
        var contracts = await Task.WhenAll(protocols.Select(p => Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{p}")));
        Assert.Equal(callIds.Order(StringComparer.Ordinal), contracts.Select(c => Str(c, "callId")).Order(StringComparer.Ordinal));
    }

    // ---------------------------------------------------------------- built-in outcomes of a call about an order

    [Fact]
    public async Task Completed_without_a_callback_ends_calling_and_leaves_the_order_as_it_was()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var callId = await StartOrderCallAsync(campaign, customer, number);

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "completed", comment = "All clear" });

        Assert.Equal("Conversation completed", Str(confirmed.GetProperty("outcome"), "label"));
        Assert.Equal(number, Str(confirmed, "orderNumber"));
        Assert.Equal("Pending", await orders.StatusAsync(number));
        await calls.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Null(await calls.NextAsync(campaign, "agent-1"));
        Assert.Equal(1, (await calls.StatsAsync(campaign)).GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task Completed_with_a_callbackAt_schedules_a_callback_about_the_order_at_that_time()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var callId = await StartOrderCallAsync(campaign, customer, number);
        var at = (await calls.NowAsync()).AddHours(3);

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "completed", comment = "Call again after lunch", callbackAt = at });

        Assert.Equal(at, confirmed.GetProperty("outcome").GetProperty("callbackAt").GetDateTimeOffset());
        await calls.AdvanceToAsync(at.AddMinutes(-1));
        Assert.Null(await calls.NextAsync(campaign, "agent-1"));
        await calls.AdvanceToAsync(at);
        var handOut = await calls.NextAsync(campaign, "agent-1");
        Assert.NotNull(handOut);
        Assert.Equal("PrivateCallback", Str(handOut.Value, "why"));
        Assert.Equal(number, Str(handOut.Value.GetProperty("contact"), "orderNumber"));
    }

    [Fact]
    public async Task Completed_with_invoice_new_creates_a_new_Pending_order_beside_the_old_one_which_is_unchanged()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var callId = await StartOrderCallAsync(campaign, customer, number);

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "completed", comment = "Wants a second one", invoice = "New" });

        var newNumber = Str(confirmed.GetProperty("outcome"), "newOrderNumber");
        Assert.NotEqual(number, newNumber);
        var created = await orders.OrderAsync(newNumber);
        Assert.Equal("Pending", Str(created, "status"));
        Assert.Equal(customer, Str(created.GetProperty("customer"), "id"));
        Assert.Equal(OrderDriver.Offer, Str(created, "offerId"));
        var old = await orders.OrderAsync(number);
        Assert.Equal(Str(old.GetProperty("amounts"), "currency"), Str(created.GetProperty("amounts"), "currency"));
        Assert.Equal(old.GetProperty("amounts").GetProperty("total").GetDecimal(), created.GetProperty("amounts").GetProperty("total").GetDecimal());
        Assert.Equal("Pending", Str(old, "status"));
        Assert.Equal(Sorted(number, newNumber), (await CustomerOrderNumbersAsync(Admin, customer)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Completed_with_invoice_replace_cancels_the_old_order_and_creates_a_new_Pending_one()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var callId = await StartOrderCallAsync(campaign, customer, number);

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "completed", comment = "Wrong size, replace it", invoice = "Replace" });

        var newNumber = Str(confirmed.GetProperty("outcome"), "newOrderNumber");
        Assert.NotEqual(number, newNumber);
        Assert.Equal("Cancelled", await orders.StatusAsync(number));
        Assert.Equal("Pending", await orders.StatusAsync(newNumber));
        Assert.Equal(Sorted(number, newNumber), (await CustomerOrderNumbersAsync(Admin, customer)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Completed_with_invoice_replace_on_a_Paid_order_is_a_409_and_changes_nothing_no_new_order_and_the_call_still_open()
    {
        var campaign = await calls.CreateCampaignAsync();
        var customer = await CustomerAsync(NewEmail());
        var number = await PlaceAsync(orders, OrderBodies.Paid(customer));
        Assert.Equal("Paid", await orders.StatusAsync(number));
        var callId = await StartOrderCallAsync(campaign, customer, number);

        await (await calls.OutcomeAsync(callId, new { code = "completed", invoice = "Replace" })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Paid", await orders.StatusAsync(number));
        Assert.Equal([number], await CustomerOrderNumbersAsync(Admin, customer));
        var call = await calls.CallAsync(callId);
        Assert.Equal("Open", Str(call, "status"));
        Assert.Empty((await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}/calls")).GetProperty("orderCalls").EnumerateArray());
        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "completed", comment = "Keeps the paid order" });
        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("outcome").GetProperty("newOrderNumber").ValueKind);
        Assert.Equal([number], await CustomerOrderNumbersAsync(Admin, customer));
    }

    [Fact]
    public async Task No_contact_brings_the_order_call_back_as_a_retry_one_hour_after_the_call()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var callId = await StartOrderCallAsync(campaign, customer, number);
        var calledAt = await calls.NowAsync();

        await calls.ConfirmOkAsync(callId, new { code = "no-contact", comment = "Nobody answered" });

        await calls.AdvanceToAsync(calledAt.AddMinutes(59));
        Assert.Null(await calls.NextAsync(campaign, "agent-2"));
        await calls.AdvanceToAsync(calledAt.AddHours(1));
        var handOut = await calls.NextAsync(campaign, "agent-2");
        Assert.NotNull(handOut);
        Assert.Equal("Retry", Str(handOut.Value, "why"));
        Assert.Equal(number, Str(handOut.Value.GetProperty("contact"), "orderNumber"));
        Assert.Equal(2, handOut.Value.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task Callback_with_public_visibility_brings_the_order_call_back_to_any_agent_at_the_agreed_time()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var callId = await StartOrderCallAsync(campaign, customer, number, agentId: "agent-1");
        var at = (await calls.NowAsync()).AddHours(5);

        var missing = await (await calls.OutcomeAsync(callId, new { code = "callback" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("callbackAt", missing.Errors!.Keys);
        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "callback", comment = "At five", callbackAt = at, callbackVisibility = "Public" });

        Assert.Equal("Public", Str(confirmed.GetProperty("outcome"), "callbackVisibility"));
        await calls.AdvanceToAsync(at);
        var handOut = await calls.NextAsync(campaign, "agent-2");
        Assert.NotNull(handOut);
        Assert.Equal("Callback", Str(handOut.Value, "why"));
        Assert.Equal(customer, Str(handOut.Value.GetProperty("contact"), "customerId"));
    }

    [Fact]
    public async Task Already_paid_puts_a_note_on_the_order_and_the_contact_is_never_called_about_it_again()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var callId = await StartOrderCallAsync(campaign, customer, number);

        await calls.ConfirmOkAsync(callId, new { code = "already-paid", comment = "Paid by bank transfer" });

        var notes = (await orders.OrderAsync(number)).GetProperty("notes").EnumerateArray().Select(n => Str(n, "text")).ToList();
        Assert.Contains(notes, n => n.Contains("already paid", StringComparison.OrdinalIgnoreCase) && n.Contains("Paid by bank transfer", StringComparison.Ordinal));
        Assert.Equal("Pending", await orders.StatusAsync(number));
        await calls.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Null(await calls.NextAsync(campaign, "agent-1"));
        Assert.Equal(1, (await calls.StatsAsync(campaign)).GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task Refusal_cancels_the_order_and_ends_calling()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var callId = await StartOrderCallAsync(campaign, customer, number);

        await calls.ConfirmOkAsync(callId, new { code = "refusal", comment = "Does not want it" });

        Assert.Equal("Cancelled", await orders.StatusAsync(number));
        Assert.Equal(1, (await calls.StatsAsync(campaign)).GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task Invalid_contact_blocks_the_number_as_InvalidNumber_and_it_is_never_handed_out_again_in_any_campaign()
    {
        var phone = TestValues.Phone();
        var campaign = await calls.CreateCampaignAsync();
        var customer = await CustomerAsync(NewEmail(), phone: phone);
        var number = await PlaceAsync(orders, OrderBodies.Unpaid(customer));
        var callId = await StartOrderCallAsync(campaign, customer, number);

        await calls.ConfirmOkAsync(callId, new { code = "invalid-contact", comment = "A fax machine" });

        var dnc = await Admin.GetAsync($"/api/v1/dnc/{Uri.EscapeDataString(phone)}");
        Assert.Equal(HttpStatusCode.OK, dnc.StatusCode);
        Assert.Equal("InvalidNumber", Str(await dnc.Content.ReadFromJsonAsync<JsonElement>(), "reason"));
        var other = await calls.CreateCampaignAsync();
        await calls.AddLeadAsync(other, phone, name: "Same number, other campaign");
        Assert.Null(await calls.NextAsync(other, "agent-1"));
        await calls.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Null(await calls.NextAsync(campaign, "agent-1"));
        Assert.Null(await calls.NextAsync(other, "agent-1"));
    }

    [Fact]
    public async Task The_note_on_a_number_an_invalid_contact_blocks_names_the_call_in_English()
    {
        var phone = TestValues.Phone();
        var campaign = await calls.CreateCampaignAsync();
        var customer = await CustomerAsync(NewEmail(), phone: phone);
        var number = await PlaceAsync(orders, OrderBodies.Unpaid(customer));
        var callId = await StartOrderCallAsync(campaign, customer, number);

        await calls.ConfirmOkAsync(callId, new { code = "invalid-contact", comment = "A fax machine" });

        var dnc = await Admin.GetAsync($"/api/v1/dnc/{Uri.EscapeDataString(phone)}");
        Assert.Equal(HttpStatusCode.OK, dnc.StatusCode);
        Assert.Equal($"Invalid contact on call {callId}", Str(await dnc.Content.ReadFromJsonAsync<JsonElement>(), "note"));
    }

    [Fact]
    public async Task A_blocked_number_is_never_called_directly_either_but_its_inbound_calls_are_taken()
    {
        var phone = TestValues.Phone();
        var campaign = await calls.CreateCampaignAsync();
        var customer = await CustomerAsync(NewEmail(), phone: phone);
        var number = await PlaceAsync(orders, OrderBodies.Unpaid(customer));
        await calls.ConfirmOkAsync(await StartOrderCallAsync(campaign, customer, number), new { code = "invalid-contact" });

        var outbound = await calls.StartAsync(new { campaignId = campaign, customerId = customer, orderNumber = number, agentId = "agent-1" });
        await outbound.AssertProblemAsync(HttpStatusCode.Conflict);
        var inbound = await calls.StartAsync(new { campaignId = campaign, customerId = customer, orderNumber = number, agentId = "agent-1", direction = "Inbound" });
        Assert.Equal(HttpStatusCode.Created, inbound.StatusCode);
    }

    [Fact]
    public async Task An_invoice_is_only_for_completed_on_a_call_about_an_order_and_no_contact_takes_no_callbackAt_each_a_400_on_that_field()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var orderCall = await StartOrderCallAsync(campaign, customer, number);
        var leadCall = await DialNewLeadAsync(campaign, "agent-2");

        var onRefusal = await (await calls.OutcomeAsync(orderCall, new { code = "refusal", invoice = "New" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var withoutOrder = await (await calls.OutcomeAsync(leadCall, new { code = "completed", invoice = "New" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var noContactCallback = await (await calls.OutcomeAsync(orderCall, new { code = "no-contact", callbackAt = (await calls.NowAsync()).AddHours(1) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var unknownInvoice = await calls.OutcomeAsync(orderCall, new { code = "completed", invoice = "twice" });

        Assert.Contains("invoice", onRefusal.Errors!.Keys);
        Assert.Contains("invoice", withoutOrder.Errors!.Keys);
        Assert.Contains("callbackAt", noContactCallback.Errors!.Keys);
        await unknownInvoice.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Pending", await orders.StatusAsync(number));
        Assert.Equal([number], await CustomerOrderNumbersAsync(Admin, customer));
        Assert.Equal("Open", Str(await calls.CallAsync(orderCall), "status"));
        Assert.Equal("Open", Str(await calls.CallAsync(leadCall), "status"));
    }

    // ---------------------------------------------------------------- comments and messages

    [Fact]
    public async Task The_drafts_message_goes_to_the_customer_on_confirm_with_a_copy_to_the_customers_personal_manager()
    {
        var (callId, customerEmail, managerEmail) = await CallDraftingASummaryToACustomerWithAManagerAsync();

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "completed", comment = "Summary sent" });

        Assert.Equal("Summary sent", Str(confirmed.GetProperty("outcome"), "comment"));
        Assert.True(confirmed.GetProperty("outcome").GetProperty("messageSent").GetBoolean());
        var toCustomer = (await api.Mail.WaitForMessagesAsync(m => m.IsTo(customerEmail) && m.Text.Contains("Summary of our call", StringComparison.Ordinal), 1, Timeout)).Single();
        Assert.Contains("as agreed we keep your order", toCustomer.Text, StringComparison.Ordinal);
        var copy = (await api.Mail.WaitForMessagesAsync(m => m.IsTo(managerEmail), 1, Timeout)).Single();
        Assert.Contains("Summary of our call", copy.Text, StringComparison.Ordinal);
        Assert.Contains(customerEmail, copy.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_outcome_with_a_message_and_a_manager_copy_is_confirmed_while_the_SMTP_server_stalls_and_both_arrive_once_it_answers()
    {
        var (callId, customerEmail, managerEmail) = await CallDraftingASummaryToACustomerWithAManagerAsync();
        await api.Mail.WaitForMessagesAsync(m => m.IsTo(customerEmail) && m.Text.Contains("is confirmed", StringComparison.Ordinal), 1, Timeout); // the order's own email is out of the way
        using var stalled = api.Mail.HoldReplies();

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "completed", comment = "Summary sent" });

        Assert.True(confirmed.GetProperty("outcome").GetProperty("messageSent").GetBoolean());
        await Eventually.WaitForAsync(() => Task.FromResult(stalled.Held), held => held >= 2, Timeout); // both wait on the server, the outcome did not
        Assert.DoesNotContain(api.Mail.MessagesTo(customerEmail), m => m.Text.Contains("Summary of our call", StringComparison.Ordinal));
        stalled.Release();
        Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(customerEmail) && m.Text.Contains("Summary of our call", StringComparison.Ordinal), 1, Timeout));
        Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(managerEmail), 1, Timeout));
    }

    [Fact]
    public async Task Without_a_personal_manager_the_copy_of_the_message_goes_to_the_calling_agent()
    {
        var agent = "agent-" + Letters(8);
        var agentEmail = NewEmail();
        await PutAgentAsync(agent, "Paolo Gialli", agentEmail);
        var customerEmail = NewEmail();
        var campaign = await calls.CreateCampaignAsync();
        var customer = await CustomerAsync(customerEmail);
        var number = await PlaceAsync(orders, OrderBodies.Unpaid(customer));
        var callId = await StartOrderCallAsync(campaign, customer, number, agentId: agent);
        await DraftOkAsync(callId, new { message = new { subject = "Your cancellation", body = "Your order is cancelled as you asked." } });

        await calls.ConfirmOkAsync(callId, new { code = "refusal", comment = "Cancel it" });

        var toCustomer = (await api.Mail.WaitForMessagesAsync(m => m.IsTo(customerEmail) && m.Text.Contains("Your cancellation", StringComparison.Ordinal), 1, Timeout)).Single();
        Assert.Contains("Your order is cancelled as you asked.", toCustomer.Text, StringComparison.Ordinal);
        var copy = (await api.Mail.WaitForMessagesAsync(m => m.IsTo(agentEmail), 1, Timeout)).Single();
        Assert.Contains("Your order is cancelled as you asked.", copy.Text, StringComparison.Ordinal);
        Assert.Equal("Cancelled", await orders.StatusAsync(number));
    }

    [Fact]
    public async Task A_message_with_copyToManager_false_goes_to_the_customer_only()
    {
        var manager = "mgr-" + Letters(8);
        var managerEmail = NewEmail();
        await PutAgentAsync(manager, "Marco Viola", managerEmail);
        var customerEmail = NewEmail();
        var campaign = await calls.CreateCampaignAsync();
        var customer = await CustomerAsync(customerEmail, personalManager: manager);
        var number = await PlaceAsync(orders, OrderBodies.Unpaid(customer));
        var callId = await StartOrderCallAsync(campaign, customer, number);
        await DraftOkAsync(callId, new { message = new { subject = "Just for you", body = "Nobody else reads this.", copyToManager = false } });

        await calls.ConfirmOkAsync(callId, new { code = "completed" });

        await api.Mail.WaitForMessagesAsync(m => m.IsTo(customerEmail) && m.Text.Contains("Just for you", StringComparison.Ordinal), 1, Timeout);
        Assert.Empty(api.Mail.MessagesTo(managerEmail));
    }

    [Fact]
    public async Task A_message_to_a_contact_without_email_is_a_400_on_draft_message_and_nothing_changes()
    {
        var agent = "agent-" + Letters(8);
        var agentEmail = NewEmail();
        await PutAgentAsync(agent, "Sara Blu", agentEmail);
        var campaign = await calls.CreateCampaignAsync();
        var customer = await CustomerAsync(email: null);
        var number = await PlaceAsync(orders, OrderBodies.Unpaid(customer));
        var callId = await StartOrderCallAsync(campaign, customer, number, agentId: agent);
        await DraftOkAsync(callId, new { notes = "Wanted it in writing", message = new { subject = "Confirmation", body = "Your order is cancelled." } });

        var problem = await (await calls.OutcomeAsync(callId, new { code = "refusal", comment = "Cancel it" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("draft.message", problem.Errors!.Keys);
        Assert.Equal("Pending", await orders.StatusAsync(number));
        var call = await calls.CallAsync(callId);
        Assert.Equal("Open", Str(call, "status"));
        Assert.Equal("Wanted it in writing", Str(call.GetProperty("draft"), "notes"));
        Assert.Empty(api.Mail.MessagesTo(agentEmail));
        Assert.Empty((await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}/calls")).GetProperty("orderCalls").EnumerateArray());
    }

    [Fact]
    public async Task A_card_number_in_the_notes_comment_or_message_is_kept_and_sent_only_as_its_last_four_digits()
    {
        const string Pan = "4111 1111 1111 1111";
        var agent = "agent-" + Letters(8);
        var agentEmail = NewEmail();
        await PutAgentAsync(agent, "Rita Rossi", agentEmail);
        var customerEmail = NewEmail();
        var campaign = await calls.CreateCampaignAsync();
        var customer = await CustomerAsync(customerEmail);
        var number = await PlaceAsync(orders, OrderBodies.Unpaid(customer));
        var callId = await StartOrderCallAsync(campaign, customer, number, agentId: agent);
        await DraftOkAsync(callId, new { notes = $"Read out {Pan}", message = new { subject = "About your card", body = $"We will not use the card {Pan} again." } });

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "already-paid", comment = $"Paid with {Pan}" });

        var raw = confirmed.GetRawText();
        Assert.DoesNotContain("4111 1111 1111 1111", raw, StringComparison.Ordinal);
        Assert.Equal("Paid with XXXX XXXX XXXX 1111", Str(confirmed.GetProperty("outcome"), "comment"));
        Assert.Equal("Read out XXXX XXXX XXXX 1111", Str(confirmed.GetProperty("draft"), "notes"));
        var mails = await api.Mail.WaitForMessagesAsync(m => (m.IsTo(customerEmail) || m.IsTo(agentEmail)) && m.Text.Contains("About your card", StringComparison.Ordinal), 2, Timeout);
        Assert.All(mails, m => Assert.DoesNotContain("4111 1111 1111 1111", m.Text, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("XXXX XXXX XXXX 1111", m.Text, StringComparison.Ordinal));
        var order = await orders.OrderAsync(number);
        Assert.DoesNotContain("4111 1111 1111 1111", order.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111 1111 1111", (await Admin.GetStringAsync($"/api/v1/customers/{customer}/calls")), StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- the draft's commit

    [Fact]
    public async Task Confirming_commits_the_draft_the_confirmed_call_shows_its_notes_and_comment_and_confirming_again_is_409()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [NotInterested]);
        var callId = await DialNewLeadAsync(campaign, "agent-1");
        await DraftOkAsync(callId, new { notes = "Prefers to be called in the morning" });

        await calls.ConfirmOkAsync(callId, new { code = "not-interested", comment = "Maybe next year" });
        await (await calls.OutcomeAsync(callId, new { code = "not-interested", comment = "Again" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await calls.DraftAsync(callId, new { notes = "Too late" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var call = await calls.CallAsync(callId);
        Assert.Equal("Confirmed", Str(call, "status"));
        Assert.Equal("Prefers to be called in the morning", Str(call.GetProperty("draft"), "notes"));
        Assert.Equal("not-interested", Str(call.GetProperty("outcome"), "code"));
        Assert.Equal("Maybe next year", Str(call.GetProperty("outcome"), "comment"));
        Assert.Equal(JsonValueKind.String, call.GetProperty("endedAt").ValueKind);
    }

    [Fact]
    public async Task Two_concurrent_confirmations_of_one_call_commit_once_one_409_and_one_new_invoice()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var callId = await StartOrderCallAsync(campaign, customer, number);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => calls.OutcomeAsync(callId, new { code = "completed", invoice = "New" })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(2, (await CustomerOrderNumbersAsync(Admin, customer)).Count);
        Assert.Single((await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}/calls")).GetProperty("orderCalls").EnumerateArray());
    }

    // ---------------------------------------------------------------- tasks and the calls made for them

    [Fact]
    public async Task An_order_task_is_created_assigned_given_a_due_date_cleared_and_completed_and_a_done_task_no_longer_changes()
    {
        var customer = await CustomerAsync(NewEmail());
        var number = await PlaceAsync(orders, OrderBodies.Unpaid(customer));
        var due = (await calls.NowAsync()).AddDays(1);

        var created = await Admin.PostAsJsonAsync($"/api/v1/orders/{number}/tasks", new { title = "Confirm the delivery address", dueAt = due, assignee = "agent-1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = await created.Content.ReadFromJsonAsync<JsonElement>();
        var taskId = Str(task, "id");
        Assert.Equal("agent-1", Str(task, "assignee"));
        Assert.Equal(due, task.GetProperty("dueAt").GetDateTimeOffset());
        Assert.False(task.GetProperty("done").GetBoolean());

        var later = due.AddDays(2);
        var moved = await PatchTaskAsync(number, taskId, new { assignee = "agent-2", dueAt = later });
        Assert.Equal("agent-2", Str(moved, "assignee"));
        Assert.Equal(later, moved.GetProperty("dueAt").GetDateTimeOffset());
        var cleared = await PatchTaskAsync(number, taskId, new { clearDueAt = true });
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("dueAt").ValueKind);
        Assert.Equal("agent-2", Str(cleared, "assignee"));
        await (await Admin.PatchAsJsonAsync($"/api/v1/orders/{number}/tasks/{taskId}", new { dueAt = later, clearDueAt = true })).AssertProblemAsync(HttpStatusCode.BadRequest);

        var completed = await Admin.PostAsync($"/api/v1/orders/{number}/tasks/{taskId}/complete", null);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.True((await completed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("done").GetBoolean());
        await (await Admin.PatchAsJsonAsync($"/api/v1/orders/{number}/tasks/{taskId}", new { assignee = "agent-1" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var onPage = (await orders.OrderAsync(number)).GetProperty("tasks").EnumerateArray().Single(t => Str(t, "id") == taskId);
        Assert.True(onPage.GetProperty("done").GetBoolean());
        Assert.Equal("agent-2", Str(onPage, "assignee"));
        await (await Admin.PostAsync($"/api/v1/orders/{number}/tasks/task-no-such/complete", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_task_call_is_listed_under_taskCalls_and_an_order_call_under_orderCalls_on_the_customer_and_on_the_order_page_with_call_history_items()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();
        var taskId = Str(await (await Admin.PostAsJsonAsync($"/api/v1/orders/{number}/tasks", new { title = "Ask about the invoice address" })).Content.ReadFromJsonAsync<JsonElement>(), "id");
        var orderCall = await StartOrderCallAsync(campaign, customer, number);
        await calls.ConfirmOkAsync(orderCall, new { code = "completed", comment = "Talked about the order" });
        var taskCall = await StartOrderCallAsync(campaign, customer, number, taskId: taskId, agentId: "agent-2");
        Assert.Equal(taskId, Str(await calls.CallAsync(taskCall), "taskId"));
        await calls.ConfirmOkAsync(taskCall, new { code = "callback", comment = "Asks to be called tomorrow", callbackAt = (await calls.NowAsync()).AddDays(1) });

        var customerCalls = await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}/calls");
        Assert.Equal([orderCall], customerCalls.GetProperty("orderCalls").EnumerateArray().Select(c => Str(c, "callId")));
        var listedTaskCall = Assert.Single(customerCalls.GetProperty("taskCalls").EnumerateArray());
        Assert.Equal(taskCall, Str(listedTaskCall, "callId"));
        Assert.Equal(taskId, Str(listedTaskCall, "taskId"));
        Assert.Equal("callback", Str(listedTaskCall, "outcomeCode"));

        var page = await orders.OrderAsync(number);
        Assert.Equal([orderCall], page.GetProperty("orderCalls").EnumerateArray().Select(c => Str(c, "callId")));
        Assert.Equal([taskCall], page.GetProperty("taskCalls").EnumerateArray().Select(c => Str(c, "callId")));
        var history = page.GetProperty("history").EnumerateArray().Where(h => Str(h, "kind") == "call").Select(h => Str(h, "text")).ToList();
        Assert.Contains(history, h => h.Contains(orderCall, StringComparison.Ordinal) && h.Contains("Conversation completed", StringComparison.Ordinal) && h.Contains("Talked about the order", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains(taskCall, StringComparison.Ordinal) && h.Contains("Callback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_call_naming_a_task_the_order_does_not_have_or_without_its_order_is_a_400_on_taskId()
    {
        var (campaign, customer, number) = await OrderCallSetupAsync();

        var unknownTask = await calls.StartAsync(new { campaignId = campaign, customerId = customer, orderNumber = number, taskId = "task-none", agentId = "agent-1" });
        var taskWithoutOrder = await calls.StartAsync(new { campaignId = campaign, customerId = customer, taskId = "task-1", agentId = "agent-1" });

        Assert.Contains("taskId", (await unknownTask.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("taskId", (await taskWithoutOrder.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    // ---------------------------------------------------------------- the supervisor's report

    [Fact]
    public async Task The_outcome_report_counts_per_agent_per_outcome_with_colors_only_calls_that_ended_in_from_to()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [NotInterested, Interested]);
        var (a, b) = ("rep-" + Letters(8), "rep-" + Letters(8));
        for (var i = 0; i < 6; i++)
        {
            await calls.AddLeadAsync(campaign, TestValues.Phone());
        }

        var t0 = await calls.NowAsync();
        await calls.ConfirmOkAsync(await DialAsync(campaign, a), new { code = "not-interested" });
        await calls.ConfirmOkAsync(await DialAsync(campaign, a), new { code = "not-interested" });
        await calls.ConfirmOkAsync(await DialAsync(campaign, a), new { code = "interested", callbackAt = t0.AddDays(2) });
        await calls.ConfirmOkAsync(await DialAsync(campaign, b), new { code = "completed" });
        (await calls.DiscardAsync(await DialAsync(campaign, b))).EnsureSuccessStatusCode();
        await calls.AdvanceAsync(TimeSpan.FromHours(1));
        var t1 = await calls.NowAsync();
        await calls.ConfirmOkAsync(await DialAsync(campaign, a), new { code = "not-interested" });
        var supervisor = api.ClientWithKey(CrmApiFactory.SupervisorKey);

        var first = await ReportAsync(supervisor, t0, t1, campaign);
        Assert.Equal(
            new[] { $"{a}:interested:Interested:#00AA00:1", $"{a}:not-interested:Not interested:#795548:2", $"{b}:completed:Conversation completed:#2E7D32:1" }.Order(StringComparer.Ordinal),
            Flatten(first));
        var totals = first.GetProperty("agents").EnumerateArray().ToDictionary(x => Str(x, "agentId"), x => x.GetProperty("total").GetInt32());
        Assert.Equal(2, totals.Count);
        Assert.Equal(3, totals[a]);
        Assert.Equal(1, totals[b]);
        Assert.Equal([$"{a}:not-interested:Not interested:#795548:1"], Flatten(await ReportAsync(Admin, t1, t1.AddMinutes(1), campaign)));
        Assert.Empty(Flatten(await ReportAsync(supervisor, t0.AddHours(-1), t0, campaign)));
        Assert.Equal([$"{b}:completed:Conversation completed:#2E7D32:1"], Flatten(await ReportAsync(supervisor, t0, t1, campaign, agentId: b)));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Agent().GetAsync($"/api/v1/reports/outcomes?from={Q(t0)}&to={Q(t1)}")).StatusCode);
        await (await supervisor.GetAsync($"/api/v1/reports/outcomes?from={Q(t1)}&to={Q(t0)}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    // ---------------------------------------------------------------- helpers

    private static string Str(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static string NewEmail() => $"{Letters(12)}@example.it";

    private static string Q(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private static List<string> Flatten(JsonElement report) =>
        report.GetProperty("agents").EnumerateArray()
            .SelectMany(agent => agent.GetProperty("outcomes").EnumerateArray().Select(o =>
                $"{Str(agent, "agentId")}:{Str(o, "code")}:{Str(o, "label")}:{Str(o, "color")}:{o.GetProperty("count").GetInt32()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static async Task<JsonElement> ReportAsync(HttpClient client, DateTimeOffset from, DateTimeOffset to, string campaignId, string? agentId = null)
    {
        var response = await client.GetAsync($"/api/v1/reports/outcomes?from={Q(from)}&to={Q(to)}&campaignId={campaignId}{(agentId is null ? "" : "&agentId=" + agentId)}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the report answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>An order call whose draft has a message for a customer who has a personal manager (with an email address).</summary>
    private async Task<(string CallId, string CustomerEmail, string ManagerEmail)> CallDraftingASummaryToACustomerWithAManagerAsync()
    {
        var manager = "mgr-" + Letters(8);
        var managerEmail = NewEmail();
        await PutAgentAsync(manager, "Laura Neri", managerEmail);
        var customerEmail = NewEmail();
        var campaign = await calls.CreateCampaignAsync();
        var customer = await CustomerAsync(customerEmail, personalManager: manager);
        var number = await PlaceAsync(orders, OrderBodies.Unpaid(customer));
        var callId = await StartOrderCallAsync(campaign, customer, number, agentId: "agent-1");
        await DraftOkAsync(callId, new { notes = "Send the summary", message = new { subject = "Summary of our call", body = "Dear customer, as agreed we keep your order." } });
        return (callId, customerEmail, managerEmail);
    }

    private async Task<string> CustomerAsync(string? email, string? personalManager = null, string? phone = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/customers", new { name = "Giulia Verdi", email, phone = phone ?? TestValues.Phone(), timeZone = "Europe/Rome", personalManager });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating the customer answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Str(await response.Content.ReadFromJsonAsync<JsonElement>(), "id");
    }

    private async Task PutAgentAsync(string agentId, string name, string email) =>
        (await Admin.PutAsJsonAsync($"/api/v1/agents/{agentId}", new { name, email })).EnsureSuccessStatusCode();

    /// <summary>A campaign with only the built-in outcomes, a customer with an email and a Pending order.</summary>
    private async Task<(string Campaign, string Customer, string Number)> OrderCallSetupAsync()
    {
        var campaign = await calls.CreateCampaignAsync();
        var customer = await CustomerAsync(NewEmail());
        return (campaign, customer, await PlaceAsync(orders, OrderBodies.Unpaid(customer)));
    }

    private async Task<string> StartOrderCallAsync(string campaignId, string customerId, string orderNumber, string? taskId = null, string agentId = "agent-1")
    {
        var response = await calls.StartAsync(new { campaignId, customerId, orderNumber, taskId, agentId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"starting the call answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Str(await response.Content.ReadFromJsonAsync<JsonElement>(), "id");
    }

    private async Task<string> DialNewLeadAsync(string campaignId, string agentId)
    {
        await calls.AddLeadAsync(campaignId, TestValues.Phone(), email: NewEmail());
        return await DialAsync(campaignId, agentId);
    }

    private async Task<string> DialAsync(string campaignId, string agentId) =>
        (await calls.DialAsync(campaignId, agentId) ?? throw new InvalidOperationException($"Nothing to dial in campaign {campaignId}.")).CallId;

    private async Task DraftOkAsync(string callId, object draft)
    {
        var response = await calls.DraftAsync(callId, draft);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the draft answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonElement> PatchTaskAsync(string number, string taskId, object body)
    {
        var response = await Admin.PatchAsJsonAsync($"/api/v1/orders/{number}/tasks/{taskId}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the task update answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class CallOutcomesApiFixture : IAsyncDisposable
{
    public WorkflowApiFactory Api { get; } = new();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
