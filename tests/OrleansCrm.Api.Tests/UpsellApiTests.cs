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
/// Upsell orders from outbound calls through the api: the upsell-eligible search, the upsell menu,
/// the quote in the main order's currency, and the checkout (card on file or a provider token,
/// through the campaign's providers, 402 on decline, Idempotency-Key, PCI). One api (simulated
/// clock, SMTP sink) for the class; its clock is never moved here.
/// </summary>
public sealed class UpsellApiTests(UpsellApiFixture fixture) : IClassFixture<UpsellApiFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly WorkflowApiFactory factory = fixture.Api;

    private readonly OrderDriver driver = new(fixture.Api.Admin());

    private HttpClient Agent => factory.Agent();

    private HttpClient Supervisor => factory.ClientWithKey(CrmApiFactory.SupervisorKey);

    private ISandboxLedger Ledger => factory.Services.GetRequiredService<ISandboxLedger>();

    [Fact]
    public async Task Upsell_eligible_search_filters_by_order_number_and_pages()
    {
        var name = UniqueName();
        var customer = await CreateCustomerAsync(name);
        var first = await PlaceAsync(Paid(customer));
        var second = await PlaceAsync(Paid(customer));
        var third = await PlaceAsync(Paid(customer));
        await PlaceAsync(Trial(customer));

        Assert.Equal([second], await SearchNumbersAsync($"q={second}&upsellEligible=true"));
        var page = await SearchAsync($"q={name}&upsellEligible=true&skip=1&take=1");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal([second], Numbers(page));
        Assert.Equal([third, second, first], await SearchNumbersAsync($"q={name}&upsellEligible=true"));
    }

    // ---------------------------------------------------------------- the upsell menu

    [Fact]
    public async Task The_upsell_list_shows_the_upsells_of_the_offer_the_customer_bought_with_quantities_and_shipping_methods()
    {
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "USD"));

        var menu = await Agent.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{main}/upsells");

        Assert.Equal(main, menu.GetProperty("orderNumber").GetString());
        Assert.Equal("USD", menu.GetProperty("currency").GetString());
        var serum = Assert.Single(menu.GetProperty("upsells").EnumerateArray());
        Assert.Equal("serum", serum.GetProperty("id").GetString());
        Assert.Equal("Serum", serum.GetProperty("name").GetString());
        Assert.Equal(19.99m, serum.GetProperty("unitPrice").GetDecimal());
        Assert.Equal([1, 2, 3], serum.GetProperty("allowedQuantities").EnumerateArray().Select(q => q.GetInt32()));
        var standard = Assert.Single(serum.GetProperty("shippingMethods").EnumerateArray());
        Assert.Equal("standard", standard.GetProperty("id").GetString());
        Assert.Equal("Standard", standard.GetProperty("name").GetString());
        Assert.Equal(0m, standard.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task The_upsell_list_of_a_JPY_order_is_priced_in_JPY_and_shows_each_upsell_s_own_shipping_methods()
    {
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "JPY", offerId: UpsellApiFixture.MultiOffer));

        var menu = await Agent.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{main}/upsells");

        Assert.Equal("JPY", menu.GetProperty("currency").GetString());
        var upsells = menu.GetProperty("upsells").EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!);
        Assert.Equal(["mask", "serum"], upsells.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2200m, upsells["serum"].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(["standard"], ShippingIds(upsells["serum"]));
        Assert.Equal(1100m, upsells["mask"].GetProperty("unitPrice").GetDecimal());
        Assert.Equal([1, 5], upsells["mask"].GetProperty("allowedQuantities").EnumerateArray().Select(q => q.GetInt32()));
        Assert.Equal(["standard", "express"], ShippingIds(upsells["mask"]));
        var express = upsells["mask"].GetProperty("shippingMethods").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "express");
        Assert.Equal(1500m, express.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task The_upsell_list_of_an_order_in_Trial_is_409_saying_why()
    {
        var (main, _) = await driver.PlaceTrialAsync(Token("tok_approve"));

        var problem = await (await Agent.GetAsync($"/api/v1/orders/{main}/upsells")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Trial", problem.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upsell_list_of_an_unknown_order_is_404()
    {
        await (await Agent.GetAsync("/api/v1/orders/999999999/upsells")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // ---------------------------------------------------------------- the quote

    [Fact]
    public async Task A_quote_is_unit_price_times_quantity_plus_shipping_in_USD_for_a_USD_main_order()
    {
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "USD", offerId: UpsellApiFixture.MultiOffer));

        var quote = await QuoteAsync(main, new { upsellId = "serum", quantity = 2, shippingMethodId = "standard" });

        Assert.Equal("USD", quote.GetProperty("currency").GetString());
        Assert.Equal("serum", quote.GetProperty("upsellId").GetString());
        Assert.Equal(2, quote.GetProperty("quantity").GetInt32());
        Assert.Equal(19.99m, quote.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(39.98m, quote.GetProperty("itemsTotal").GetDecimal());
        Assert.Equal("standard", quote.GetProperty("shippingMethodId").GetString());
        Assert.Equal(5.00m, quote.GetProperty("shippingPrice").GetDecimal());
        Assert.Equal(44.98m, quote.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_quote_for_a_JPY_main_order_is_in_JPY_with_no_minor_units()
    {
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "JPY", offerId: UpsellApiFixture.MultiOffer));

        var quote = await QuoteAsync(main, new { upsellId = "serum", quantity = 3, shippingMethodId = "standard" });

        Assert.Equal("JPY", quote.GetProperty("currency").GetString());
        Assert.Equal(2200m, quote.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(6600m, quote.GetProperty("itemsTotal").GetDecimal());
        Assert.Equal(600m, quote.GetProperty("shippingPrice").GetDecimal());
        var total = quote.GetProperty("total").GetDecimal();
        Assert.Equal(7200m, total);
        Assert.Equal(decimal.Round(total, 0), total);
    }

    [Fact]
    public async Task A_quote_for_an_upsell_priced_in_several_currencies_picks_the_main_order_s_currency()
    {
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "EUR", offerId: UpsellApiFixture.MultiOffer));

        var quote = await QuoteAsync(main, new { upsellId = "mask", quantity = 5, shippingMethodId = "express" });

        Assert.Equal("EUR", quote.GetProperty("currency").GetString());
        Assert.Equal(8.5m, quote.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(42.5m, quote.GetProperty("itemsTotal").GetDecimal());
        Assert.Equal(12m, quote.GetProperty("shippingPrice").GetDecimal());
        Assert.Equal(54.5m, quote.GetProperty("total").GetDecimal());
    }

    [Theory]
    [InlineData("serum", 4, "standard", "quantity")]
    [InlineData("serum", 0, "standard", "quantity")]
    [InlineData("serum", 1, "express", "shippingMethodId")]
    [InlineData("serum", 1, "teleport", "shippingMethodId")]
    [InlineData("mascara", 1, "standard", "upsellId")]
    public async Task A_quote_with_a_quantity_shipping_method_or_upsell_not_of_the_upsell_is_a_400_naming_it(string upsellId, int quantity, string shippingMethodId, string field)
    {
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "USD", offerId: UpsellApiFixture.MultiOffer));

        var problem = await (await Agent.PostAsJsonAsync($"/api/v1/orders/{main}/upsells/quote", new { upsellId, quantity, shippingMethodId }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_quote_for_an_upsell_not_priced_in_the_main_order_s_currency_is_409()
    {
        // The plain offer prices the serum in USD only.
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "EUR"));

        var problem = await (await Agent.PostAsJsonAsync($"/api/v1/orders/{main}/upsells/quote", new { upsellId = "serum", quantity = 1, shippingMethodId = "standard" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("EUR", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_on_an_order_in_Trial_is_409_saying_why()
    {
        var (main, _) = await driver.PlaceTrialAsync(Token("tok_approve"));

        var problem = await (await Agent.PostAsJsonAsync($"/api/v1/orders/{main}/upsells/quote", new { upsellId = "serum", quantity = 1, shippingMethodId = "standard" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Trial", problem.Title, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- checkout

    [Fact]
    public async Task Checkout_with_the_card_on_file_creates_a_Paid_upsell_order_linked_to_the_main_order_with_notes_on_both_and_a_confirmation_email()
    {
        var email = $"{UniqueName().ToLowerInvariant()}@example.it";
        var customer = await driver.CreateCustomerAsync("Upsell Buyer", email);
        var mainToken = Token("tok_approve");
        var main = await PlaceAsync(Paid(customer, mainToken, currency: "USD"));

        var response = await CheckoutAsync(Agent, main, Checkout(quantity: 2));

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"checkout answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var upsell = created.GetProperty("number").GetString()!;
        Assert.NotEqual(main, upsell);
        Assert.Equal($"/api/v1/orders/{upsell}", response.Headers.Location?.OriginalString);
        Assert.Equal(main, created.GetProperty("mainOrderNumber").GetString());

        var order = await driver.OrderAsync(upsell);
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.Equal(main, order.GetProperty("mainOrderNumber").GetString());
        Assert.False(order.GetProperty("isTrial").GetBoolean());
        var amounts = order.GetProperty("amounts");
        Assert.Equal("USD", amounts.GetProperty("currency").GetString());
        Assert.Equal(39.98m, amounts.GetProperty("total").GetDecimal()); // 2 × USD 19.99, standard shipping USD 0
        var item = Assert.Single(order.GetProperty("items").EnumerateArray());
        Assert.Equal(2, item.GetProperty("quantity").GetInt32());
        var charge = Assert.Single(await driver.PaymentsAsync(upsell));
        Assert.Equal("Approved", charge.GetProperty("status").GetString());
        Assert.Equal(39.98m, charge.GetProperty("amount").GetDecimal());
        Assert.Equal(1, await Ledger.CountAsync($"{upsell}:payment"));
        var ledgerCharge = Assert.Single(await Ledger.ListAsync($"{upsell}:"));
        Assert.Equal(mainToken, ledgerCharge.CardToken);

        Assert.Contains(order.GetProperty("notes").EnumerateArray(), n =>
            n.GetProperty("system").GetBoolean() && n.GetProperty("text").GetString()!.Contains($"Upsell of order {main}", StringComparison.Ordinal));
        var mainPage = await driver.OrderAsync(main);
        Assert.Equal("Paid", mainPage.GetProperty("status").GetString());
        Assert.Single(mainPage.GetProperty("notes").EnumerateArray(), n =>
            n.GetProperty("system").GetBoolean() && n.GetProperty("text").GetString()!.Contains($"Upsell order {upsell}", StringComparison.Ordinal));
        Assert.Equal(Sorted(main, upsell), Sorted([.. await CustomerOrderNumbersAsync(customer)]));

        var mail = await factory.Mail.WaitForMessagesAsync(
            m => m.Recipients.Contains(email, StringComparer.OrdinalIgnoreCase) && m.Raw.Contains($"Your order {upsell} is confirmed", StringComparison.Ordinal), 1, Timeout);
        Assert.Single(mail);
        Assert.Equal("Completed", (await driver.WorkflowAsync(upsell))["order-confirmation"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Checkout_with_another_provider_token_charges_that_token_and_not_the_card_on_file()
    {
        var customer = await driver.CreateCustomerAsync();
        var mainToken = Token("tok_approve");
        var main = await PlaceAsync(Paid(customer, mainToken, currency: "USD"));
        var other = Token("tok_approve");

        var upsell = await CheckoutNumberAsync(Agent, main, Checkout(cardToken: other));

        Assert.Equal("Paid", await driver.StatusAsync(upsell));
        var ledgerCharge = Assert.Single(await Ledger.ListAsync($"{upsell}:"));
        Assert.Equal(other, ledgerCharge.CardToken);
        Assert.Equal(1, await Ledger.CountChargesAsync(other));
        Assert.Equal(1, await Ledger.CountChargesAsync(mainToken)); // only the main order's own charge
    }

    [Fact]
    public async Task Checkout_through_a_provider_named_by_the_agent_that_the_campaign_has_is_accepted()
    {
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "USD"));

        var upsell = await CheckoutNumberAsync(Agent, main, Checkout(paymentProvider: "sandbox"));

        Assert.Equal("Paid", await driver.StatusAsync(upsell));
    }

    [Theory]
    [InlineData("tok_decline", "The card was declined.")]
    [InlineData("tok_insufficient_funds", "The card has insufficient funds.")]
    [InlineData("tok_stolen_card", "The card was reported stolen.")]
    public async Task A_declined_card_is_402_with_the_decline_reason_creates_nothing_and_a_retry_with_another_card_succeeds(string declining, string reason)
    {
        var customer = await driver.CreateCustomerAsync();
        var main = await PlaceAsync(Paid(customer, currency: "USD"));
        var mainBefore = await driver.OrderAsync(main);

        var problem = await (await CheckoutAsync(Agent, main, Checkout(cardToken: Token(declining)))).AssertProblemAsync(HttpStatusCode.PaymentRequired);

        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
        Assert.Equal([main], await CustomerOrderNumbersAsync(customer));
        var mainAfter = await driver.OrderAsync(main);
        foreach (var part in new[] { "status", "amounts", "payments", "notes" })
        {
            Assert.Equal(mainBefore.GetProperty(part).GetRawText(), mainAfter.GetProperty(part).GetRawText());
        }

        var upsell = await CheckoutNumberAsync(Agent, main, Checkout(cardToken: Token("tok_approve")));

        Assert.Equal("Paid", await driver.StatusAsync(upsell));
        Assert.Equal(Sorted(main, upsell), Sorted([.. await CustomerOrderNumbersAsync(customer)]));
    }

    [Fact]
    public async Task After_a_declined_card_the_same_Idempotency_Key_checks_out_with_another_card()
    {
        var customer = await driver.CreateCustomerAsync();
        var main = await PlaceAsync(Paid(customer, currency: "USD"));
        var key = Key();

        await (await CheckoutAsync(Agent, main, Checkout(cardToken: Token("tok_insufficient_funds")), key)).AssertProblemAsync(HttpStatusCode.PaymentRequired);
        var upsell = await CheckoutNumberAsync(Agent, main, Checkout(cardToken: Token("tok_approve")), key);

        Assert.Equal("Paid", await driver.StatusAsync(upsell));
        Assert.Equal(1, await Ledger.CountAsync($"{upsell}:payment"));
        Assert.Equal(Sorted(main, upsell), Sorted([.. await CustomerOrderNumbersAsync(customer)]));
    }

    [Fact]
    public async Task Checkout_on_a_campaign_without_payment_providers_is_a_problem_and_charges_nothing()
    {
        var customer = await driver.CreateCustomerAsync();
        var mainToken = Token("tok_approve");
        var main = await PlaceAsync(Paid(customer, mainToken, currency: "USD"));
        var other = Token("tok_approve");

        var onFile = await (await CheckoutAsync(Agent, main, Checkout(campaignId: UpsellApiFixture.CampaignWithoutProviders))).AssertProblemAsync(HttpStatusCode.Conflict);
        var withToken = await (await CheckoutAsync(Agent, main, Checkout(campaignId: UpsellApiFixture.CampaignWithoutProviders, cardToken: other), Key()))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var next = await PlaceAsync(Unpaid(customer));

        Assert.Contains("payment provider", onFile.Detail, StringComparison.Ordinal);
        Assert.Contains("payment provider", withToken.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await Ledger.CountChargesAsync(mainToken));
        Assert.Equal(0, await Ledger.CountChargesAsync(other));
        // Every number handed out between the main order and the next one: none was charged.
        foreach (var skipped in Between(main, next))
        {
            Assert.Empty(await Ledger.ListAsync($"{skipped}:"));
        }

        Assert.Equal(Sorted(main, next), Sorted([.. await CustomerOrderNumbersAsync(customer)]));
        Assert.DoesNotContain((await driver.OrderAsync(main)).GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString()!.StartsWith("Upsell order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_payment_provider_the_campaign_does_not_have_or_an_unknown_campaign_is_a_400_naming_it()
    {
        var customer = await driver.CreateCustomerAsync();
        var main = await PlaceAsync(Paid(customer, currency: "USD"));

        var provider = await (await CheckoutAsync(Agent, main, Checkout(paymentProvider: "acme"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var campaign = await (await CheckoutAsync(Agent, main, Checkout(campaignId: "no-such-campaign"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await Agent.PostAsJsonAsync($"/api/v1/orders/{main}/upsells", new { upsellId = "serum", quantity = 1, shippingMethodId = "standard" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("paymentProvider", provider.Errors!.Keys);
        Assert.Contains("campaignId", campaign.Errors!.Keys);
        Assert.Contains("campaignId", missing.Errors!.Keys);
        Assert.Equal([main], await CustomerOrderNumbersAsync(customer));
    }

    [Theory]
    [InlineData("serum", 4, "standard", "quantity")]
    [InlineData("serum", 1, "express", "shippingMethodId")]
    [InlineData("mascara", 1, "standard", "upsellId")]
    public async Task Checkout_with_a_quantity_shipping_method_or_upsell_not_of_the_upsell_is_a_400_naming_it_and_charges_nothing(string upsellId, int quantity, string shippingMethodId, string field)
    {
        var customer = await driver.CreateCustomerAsync();
        var main = await PlaceAsync(Paid(customer, currency: "USD", offerId: UpsellApiFixture.MultiOffer));
        var token = Token("tok_approve");

        var problem = await (await CheckoutAsync(Agent, main, Checkout(upsellId, quantity, shippingMethodId, cardToken: token))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], problem.Errors!.Keys);
        Assert.Equal(0, await Ledger.CountChargesAsync(token));
        Assert.Equal([main], await CustomerOrderNumbersAsync(customer));
    }

    [Fact]
    public async Task Checkout_twice_with_one_Idempotency_Key_returns_the_same_upsell_order_and_charges_once()
    {
        var customer = await driver.CreateCustomerAsync();
        var main = await PlaceAsync(Paid(customer, currency: "USD"));
        var key = Key();

        var first = await CheckoutAsync(Agent, main, Checkout(), key);
        var second = await CheckoutAsync(Agent, main, Checkout(), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(second.IsSuccessStatusCode, $"the retry answered {(int)second.StatusCode}");
        var upsell = await NumberOf(first);
        Assert.Equal(upsell, await NumberOf(second));
        Assert.Equal(1, await Ledger.CountAsync($"{upsell}:payment"));
        Assert.Single(await Ledger.ListAsync($"{upsell}:"));
        Assert.Single(await driver.PaymentsAsync(upsell));
        Assert.Equal(Sorted(main, upsell), Sorted([.. await CustomerOrderNumbersAsync(customer)]));
        Assert.Single((await driver.OrderAsync(main)).GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString()!.StartsWith("Upsell order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_concurrent_checkouts_with_one_Idempotency_Key_make_one_upsell_order_and_one_charge()
    {
        var customer = await driver.CreateCustomerAsync();
        var main = await PlaceAsync(Paid(customer, currency: "USD"));
        var key = Key();

        var responses = await Task.WhenAll(CheckoutAsync(Agent, main, Checkout(), key), CheckoutAsync(Agent, main, Checkout(), key));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"a checkout answered {(int)r.StatusCode}"));
        var upsell = Assert.Single((await Task.WhenAll(responses.Select(NumberOf))).Distinct());
        Assert.Equal(1, await Ledger.CountAsync($"{upsell}:payment"));
        Assert.Single(await Ledger.ListAsync($"{upsell}:"));
        Assert.Equal(Sorted(main, upsell), Sorted([.. await CustomerOrderNumbersAsync(customer)]));
        Assert.Single((await driver.OrderAsync(main)).GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString()!.StartsWith("Upsell order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provider_that_took_the_money_but_did_not_answer_is_looked_up_so_the_upsell_is_created_and_a_retry_charges_nothing_more()
    {
        var customer = await driver.CreateCustomerAsync();
        var main = await PlaceAsync(Paid(customer, currency: "USD"));
        var key = Key();
        var token = Token("tok_timeout");

        var upsell = await CheckoutNumberAsync(Agent, main, Checkout(cardToken: token), key);
        var retried = await CheckoutNumberAsync(Agent, main, Checkout(cardToken: token), key);

        Assert.Equal(upsell, retried);
        Assert.Equal("Paid", await driver.StatusAsync(upsell));
        Assert.Equal(1, await Ledger.CountAsync($"{upsell}:payment"));
        Assert.Equal(1, await Ledger.CountChargesAsync(token));
        Assert.Single(await driver.PaymentsAsync(upsell));
        Assert.Equal("XXXX XXXX XXXX 1881", (await driver.OrderAsync(upsell)).GetProperty("card").GetProperty("number").GetString());
        Assert.Equal(Sorted(main, upsell), Sorted([.. await CustomerOrderNumbersAsync(customer)]));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_another_choice_is_409_and_places_nothing_more()
    {
        var customer = await driver.CreateCustomerAsync();
        var main = await PlaceAsync(Paid(customer, currency: "USD"));
        var key = Key();
        var upsell = await CheckoutNumberAsync(Agent, main, Checkout(quantity: 1), key);

        await (await CheckoutAsync(Agent, main, Checkout(quantity: 3), key)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(Sorted(main, upsell), Sorted([.. await CustomerOrderNumbersAsync(customer)]));
    }

    [Theory]
    [InlineData("Trial")]
    [InlineData("Pending")]
    [InlineData("Cancelled")]
    public async Task Checkout_on_a_main_order_that_is_not_paid_is_409_saying_why_and_charges_nothing(string status)
    {
        var customer = await driver.CreateCustomerAsync();
        var token = Token("tok_approve");
        string main;
        if (status == "Trial")
        {
            main = await PlaceAsync(Trial(customer));
        }
        else
        {
            main = await PlaceAsync(Unpaid(customer));
            if (status == "Cancelled")
            {
                (await Agent.PostAsJsonAsync($"/api/v1/orders/{main}/cancel", new { reason = "No longer wanted" })).EnsureSuccessStatusCode();
            }
        }

        var problem = await (await CheckoutAsync(Agent, main, Checkout(cardToken: token))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains(status, problem.Title, StringComparison.Ordinal);
        Assert.Contains($"Order {main} is {status}", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("Paid", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await Ledger.CountChargesAsync(token));
        Assert.Equal([main], await CustomerOrderNumbersAsync(customer));
    }

    [Theory]
    [InlineData(CrmApiFactory.AgentKey, "agent-1")]
    [InlineData(CrmApiFactory.SupervisorKey, "supervisor")]
    [InlineData(CrmApiFactory.AdminKey, "admin")]
    public async Task Agents_supervisors_and_admins_may_place_upsells(string key, string user)
    {
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "USD"));

        var upsell = await CheckoutNumberAsync(factory.ClientWithKey(key), main, Checkout());

        var order = await driver.OrderAsync(upsell);
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.Contains((await driver.OrderAsync(main)).GetProperty("notes").EnumerateArray(), n =>
            n.GetProperty("text").GetString()!.Contains($"Upsell order {upsell}", StringComparison.Ordinal)
            && n.GetProperty("text").GetString()!.Contains($"placed by {user}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_api_key_the_upsell_routes_are_401()
    {
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "USD"));
        var anonymous = factory.ClientWithKey(null);

        await (await anonymous.GetAsync($"/api/v1/orders/{main}/upsells")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync($"/api/v1/orders/{main}/upsells/quote", new { upsellId = "serum", quantity = 1, shippingMethodId = "standard" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await CheckoutAsync(anonymous, main, Checkout())).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    // ---------------------------------------------------------------- PCI

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111111111111111")]
    [InlineData("5555-5555-5555-4444")]
    [InlineData("378282246310005")]
    public async Task A_card_number_as_cardToken_is_a_400_on_cardToken_that_never_echoes_the_digits(string cardToken)
    {
        var customer = await driver.CreateCustomerAsync();
        var main = await PlaceAsync(Paid(customer, currency: "USD"));

        foreach (var key in new[] { null, Key() })
        {
            var response = await CheckoutAsync(Agent, main, Checkout(cardToken: cardToken), key);

            var raw = WithoutTraceId(await response.Content.ReadAsStringAsync());
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("cardToken", problem.Errors!.Keys);
            Assert.DoesNotContain(cardToken, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(Digits(cardToken), raw, StringComparison.Ordinal);
            Assert.DoesNotContain(Digits(cardToken)[..12], raw, StringComparison.Ordinal);
        }

        Assert.Equal([main], await CustomerOrderNumbersAsync(customer));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("1234")]
    public async Task A_CVV_as_cardToken_is_a_400_on_cardToken(string cvv)
    {
        var customer = await driver.CreateCustomerAsync();
        var main = await PlaceAsync(Paid(customer, currency: "USD"));

        var response = await CheckoutAsync(Agent, main, Checkout(cardToken: cvv));

        var raw = WithoutTraceId(await response.Content.ReadAsStringAsync());
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cardToken", problem.Errors!.Keys);
        Assert.DoesNotContain($"\"{cvv}\"", raw, StringComparison.Ordinal);
        Assert.Equal([main], await CustomerOrderNumbersAsync(customer));
    }

    [Fact]
    public async Task The_upsell_order_page_shows_the_card_only_masked_with_brand_and_expiry()
    {
        var token = Token("tok_approve");
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), token, currency: "USD"));

        var response = await CheckoutAsync(Agent, main, Checkout());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadAsStringAsync();
        var upsell = JsonSerializer.Deserialize<JsonElement>(created).GetProperty("number").GetString()!;
        var page = await driver.Admin.GetStringAsync($"/api/v1/orders/{upsell}");

        foreach (var raw in new[] { created, page })
        {
            var card = JsonSerializer.Deserialize<JsonElement>(raw).GetProperty("card");
            Assert.Equal("XXXX XXXX XXXX 4242", card.GetProperty("number").GetString());
            Assert.Equal("Visa", card.GetProperty("brand").GetString());
            Assert.Equal(12, card.GetProperty("expiryMonth").GetInt32());
            Assert.Equal(2030, card.GetProperty("expiryYear").GetInt32());
            Assert.DoesNotContain(token, raw, StringComparison.Ordinal);
            Assert.DoesNotContain("4242424242424242", raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_card_number_in_free_text_is_redacted_to_its_last_four_digits_before_it_is_stored()
    {
        const string pan = "4111 1111 1111 1111";
        var customer = await driver.CreateCustomerAsync();
        (await Agent.PostAsJsonAsync($"/api/v1/customers/{customer}/notes", new { text = $"Card {pan} read out" })).EnsureSuccessStatusCode();
        var main = await PlaceAsync(Paid(customer, currency: "USD"));
        var unpaid = await PlaceAsync(Unpaid(customer));
        var upsell = await CheckoutNumberAsync(Agent, main, Checkout());

        (await Agent.PostAsJsonAsync($"/api/v1/orders/{upsell}/notes", new { text = $"Customer said {pan}" })).EnsureSuccessStatusCode();
        (await Agent.PostAsJsonAsync($"/api/v1/orders/{upsell}/tasks", new { title = "Call about 5555-5555-5555-4444" })).EnsureSuccessStatusCode();
        // A refund reason is free text too, but is stored unredacted today: see /tmp/upsell-bugs.cs.txt.
        (await Agent.PostAsJsonAsync($"/api/v1/orders/{unpaid}/cancel", new { reason = $"Wanted to pay with {pan}" })).EnsureSuccessStatusCode();

        var page = await driver.Admin.GetStringAsync($"/api/v1/orders/{upsell}");
        var cancelled = await driver.Admin.GetStringAsync($"/api/v1/orders/{unpaid}");
        var customerPage = await driver.Admin.GetStringAsync($"/api/v1/customers/{customer}");
        foreach (var raw in new[] { page, cancelled, customerPage })
        {
            Assert.DoesNotContain("4111111111111111", Digitless(raw), StringComparison.Ordinal);
            Assert.DoesNotContain("5555555555554444", Digitless(raw), StringComparison.Ordinal);
        }

        Assert.Contains("Customer said XXXX XXXX XXXX 1111", page, StringComparison.Ordinal);
        Assert.Contains("Call about XXXX XXXX XXXX 4444", page, StringComparison.Ordinal);
        Assert.Contains("Wanted to pay with XXXX XXXX XXXX 1111", cancelled, StringComparison.Ordinal);
        Assert.Contains("Card XXXX XXXX XXXX 1111 read out", customerPage, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- helpers

    private static object Checkout(
        string upsellId = "serum", int quantity = 1, string shippingMethodId = "standard", string? cardToken = null, string? paymentProvider = null,
        string campaignId = UpsellApiFixture.Campaign) =>
        new { campaignId, upsellId, quantity, shippingMethodId, cardToken, paymentProvider };

    private static Task<HttpResponseMessage> CheckoutAsync(HttpClient client, string main, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{main}/upsells") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    private static async Task<string> CheckoutNumberAsync(HttpClient client, string main, object body, string? idempotencyKey = null)
    {
        var response = await CheckoutAsync(client, main, body, idempotencyKey);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"checkout answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await NumberOf(response);
    }

    private async Task<JsonElement> QuoteAsync(string main, object choice)
    {
        var response = await Agent.PostAsJsonAsync($"/api/v1/orders/{main}/upsells/quote", choice);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"quote answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string UniqueName() => "Ups" + Letters(12);

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    /// <summary>The text with the spaces and dashes between digits taken out, so a card number shows as one run.</summary>
    private static string Digitless(string raw) => System.Text.RegularExpressions.Regex.Replace(raw, @"(?<=[0-9])[ \-](?=[0-9])", "");

    private static IEnumerable<string> Between(string first, string last)
    {
        var (a, b) = (long.Parse(first, System.Globalization.CultureInfo.InvariantCulture), long.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        for (var n = a + 1; n < b; n++)
        {
            yield return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static List<string> ShippingIds(JsonElement upsell) =>
        upsell.GetProperty("shippingMethods").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();

    private Task<string> PlaceAsync(object body) => OrderApiCalls.PlaceAsync(driver, body);

    private Task<string> CreateCustomerAsync(string name) => OrderApiCalls.CreateCustomerAsync(Agent, name);

    private Task<List<string>> CustomerOrderNumbersAsync(string customerId) => OrderApiCalls.CustomerOrderNumbersAsync(Agent, customerId);

    private Task<JsonElement> SearchAsync(string query) => OrderApiCalls.SearchAsync(Agent, query);

    private async Task<List<string>> SearchNumbersAsync(string query) => Numbers(await SearchAsync(query));

    [Fact]
    public async Task A_card_number_in_a_refund_reason_is_redacted_to_its_last_four_digits_before_it_is_stored()
    {
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "USD"));
        var upsell = await CheckoutNumberAsync(Agent, main, Checkout());

        var response = await Supervisor.PostAsJsonAsync($"/api/v1/orders/{upsell}/refund", new { amount = 1m, reason = "Card 378282246310005 double charged" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = await response.Content.ReadAsStringAsync();
        var page = await driver.Admin.GetStringAsync($"/api/v1/orders/{upsell}");
        foreach (var raw in new[] { answered, page })
        {
            Assert.DoesNotContain("378282246310005", Digitless(raw), StringComparison.Ordinal);
            Assert.Contains("Card XXXX XXXX XXXX 0005 double charged", raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_card_number_pasted_into_an_id_field_of_the_upsell_routes_is_never_echoed()
    {
        const string pan = "4111111111111111";
        var main = await PlaceAsync(Paid(await driver.CreateCustomerAsync(), currency: "USD"));

        var responses = new[]
        {
            await Agent.PostAsJsonAsync($"/api/v1/orders/{main}/upsells/quote", new { upsellId = pan, quantity = 1, shippingMethodId = "standard" }),
            await CheckoutAsync(Agent, main, Checkout(campaignId: pan)),
            await CheckoutAsync(Agent, main, Checkout(paymentProvider: pan)),
            await Agent.GetAsync($"/api/v1/orders/{pan}/upsells"),
        };

        foreach (var response in responses)
        {
            Assert.False(response.IsSuccessStatusCode);
            Assert.DoesNotContain(pan, WithoutTraceId(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }

}

/// <summary>
/// The api of <see cref="UpsellApiTests"/>: the plain offer (serum in USD only), an offer priced in
/// USD, EUR and JPY with two upsells and two shipping methods, a campaign with the sandbox provider
/// and one with none.
/// </summary>
public sealed class UpsellApiFixture : IAsyncLifetime
{
    public const string MultiOffer = "cream-multi";
    public const string Campaign = "upsell-calls";
    public const string CampaignWithoutProviders = "upsell-calls-no-providers";

    public WorkflowApiFactory Api { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var admin = Api.Admin();
        await new OrderDriver(admin).EnsureOfferAsync();
        (await admin.PutAsJsonAsync($"/api/v1/offers/{MultiOffer}", MultiCurrencyOffer())).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/v1/campaigns/{Campaign}", Payloads.Campaign("Upsell calls"))).EnsureSuccessStatusCode();
        var none = JsonSerializer.SerializeToNode(Payloads.Campaign("Upsell calls without providers"))!.AsObject();
        none["paymentProviders"] = new JsonArray();
        (await admin.PutAsJsonAsync($"/api/v1/campaigns/{CampaignWithoutProviders}", none)).EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    private static object MultiCurrencyOffer() => new
    {
        name = "Cream in three currencies",
        productPrice = new Dictionary<string, decimal> { ["USD"] = 49.95m, ["EUR"] = 45m, ["JPY"] = 5400m },
        shippingAndHandling = new Dictionary<string, decimal> { ["USD"] = 4.95m, ["EUR"] = 4.5m, ["JPY"] = 500m },
        shippingMethods = new[]
        {
            new { id = "standard", name = "Standard", price = new Dictionary<string, decimal> { ["USD"] = 5m, ["EUR"] = 4m, ["JPY"] = 600m } },
            new { id = "express", name = "Express", price = new Dictionary<string, decimal> { ["USD"] = 14.95m, ["EUR"] = 12m, ["JPY"] = 1500m } },
        },
        upsells = new[]
        {
            new
            {
                id = "serum", name = "Night serum", unitPrice = new Dictionary<string, decimal> { ["USD"] = 19.99m, ["EUR"] = 17.5m, ["JPY"] = 2200m },
                allowedQuantities = new[] { 1, 2, 3 }, shippingMethodIds = new[] { "standard" },
            },
            new
            {
                id = "mask", name = "Face mask", unitPrice = new Dictionary<string, decimal> { ["USD"] = 9.99m, ["EUR"] = 8.5m, ["JPY"] = 1100m },
                allowedQuantities = new[] { 1, 5 }, shippingMethodIds = new[] { "standard", "express" },
            },
        },
        prepaymentAllowed = true,
    };
}
