using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Infrastructure.Payments;
using OrleansCrm.Testing;
using static OrleansCrm.Testing.TestValues;

namespace OrleansCrm.Api.Tests;

/// <summary>The sales workflow played through the api on the simulated clock, email over SMTP to a local server.</summary>
public sealed class OrderStoryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static string Status(Dictionary<string, JsonElement> workflow, string id) => workflow[id].GetProperty("status").GetString()!;

    private static async Task<(WorkflowApiFactory Api, OrderDriver Driver)> StartAsync()
    {
        var api = new WorkflowApiFactory();
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        return (api, driver);
    }

    [Fact]
    public async Task A_trial_charges_S_and_H_at_once_reminds_on_day_7_offers_the_extension_on_day_13_and_once_extended_charges_the_product_once_on_day_30()
    {
        var (api, driver) = await StartAsync();
        await using var _ = api;
        var customer = await driver.CreateCustomerAsync("Mario Rossi", "mario.rossi@example.it");
        var (number, _) = await driver.PlaceTrialAsync(customerId: customer);
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();

        var payments = await driver.PaymentsAsync(number);
        Assert.Equal(4.95m, Assert.Single(payments).GetProperty("amount").GetDecimal());
        Assert.Equal("Trial", await driver.StatusAsync(number));
        await api.Mail.WaitForMessagesAsync(m => m.Raw.Contains($"Your order {number} is confirmed", StringComparison.Ordinal), 1, Timeout);

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(7));
        var day7 = await driver.WorkflowAsync(number);
        Assert.Equal("Completed", Status(day7, "trial-reminder"));
        Assert.Equal("Waiting", Status(day7, "extension-offer"));
        Assert.Equal("mario.rossi@example.it", day7["trial-reminder"].GetProperty("recipient").GetString());
        await api.Mail.WaitForMessagesAsync(m => m.Raw.Contains("7 days gone, 7 left", StringComparison.Ordinal), 1, Timeout);

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(13));
        var offer = (await api.Mail.WaitForMessagesAsync(m => m.Raw.Contains("Extend your trial", StringComparison.Ordinal), 1, Timeout))[0];
        var link = (await driver.WorkflowAsync(number))["extension-offer"].GetProperty("link").GetString()!;
        Assert.StartsWith("https://crm.example.test/api/v1/trial-extensions/", link, StringComparison.Ordinal);
        Assert.Contains(link, offer.Raw.Replace("=\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var anonymous = api.ClientWithKey(null);
        var extended = await anonymous.PostAsync(new Uri(link).PathAndQuery, null);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal(placedAt.AddDays(30), (await extended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("chargeAt").GetDateTimeOffset());
        await (await anonymous.PostAsync(new Uri(link).PathAndQuery, null)).AssertProblemAsync(HttpStatusCode.Conflict);
        var afterExtension = await driver.WorkflowAsync(number);
        Assert.Equal("Completed", Status(afterExtension, "trial-extended"));
        Assert.Contains((await driver.OrderAsync(number)).GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString()!.StartsWith("Trial extended", StringComparison.Ordinal));

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(15));
        Assert.Single(await driver.PaymentsAsync(number));
        Assert.Equal("Waiting", Status(await driver.WorkflowAsync(number), "product-charge"));
        Assert.Equal("Trial", await driver.StatusAsync(number));

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(30));
        var final = await driver.WorkflowAsync(number);
        Assert.Equal("Completed", Status(final, "product-charge"));
        Assert.Equal("Completed", Status(final, "payment-confirmation"));
        Assert.Equal(placedAt.AddDays(30), final["product-charge"].GetProperty("executedAt").GetDateTimeOffset());
        var charges = await driver.PaymentsAsync(number);
        Assert.Equal([4.95m, 49.95m], charges.Select(p => p.GetProperty("amount").GetDecimal()));
        Assert.Equal("Paid", await driver.StatusAsync(number));
        var ledger = api.Services.GetRequiredService<ISandboxLedger>();
        Assert.Equal(1, await ledger.CountAsync($"{number}:product-charge"));
        await api.Mail.WaitForMessagesAsync(m => m.Raw.Contains($"Payment received for order {number}", StringComparison.Ordinal), 1, Timeout);
    }

    [Fact]
    public async Task A_declined_product_charge_is_retried_on_days_16_18_22_then_the_order_is_PaymentFailed_with_a_note_and_an_email()
    {
        var (api, driver) = await StartAsync();
        await using var _ = api;
        var customer = await driver.CreateCustomerAsync("Anna Bianchi", "anna.bianchi@example.it");
        var (number, _) = await driver.PlaceTrialAsync(Token("tok_approve_then_decline"), customer);
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(15));
        var day15 = await driver.WorkflowAsync(number);
        Assert.Equal("Failed", Status(day15, "product-charge"));
        Assert.Equal(placedAt.AddDays(16), day15["product-charge-retry-1"].GetProperty("scheduledAt").GetDateTimeOffset());
        Assert.Equal("Trial", await driver.StatusAsync(number));

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(18));
        var day18 = await driver.WorkflowAsync(number);
        Assert.Equal("Failed", Status(day18, "product-charge-retry-1"));
        Assert.Equal("Failed", Status(day18, "product-charge-retry-2"));
        Assert.Equal(placedAt.AddDays(22), day18["product-charge-retry-3"].GetProperty("scheduledAt").GetDateTimeOffset());

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(22));
        var final = await driver.WorkflowAsync(number);
        Assert.Equal("Failed", Status(final, "product-charge-retry-3"));
        Assert.False(final.ContainsKey("product-charge-retry-4"));
        Assert.Equal("Cancelled", Status(final, "payment-confirmation"));
        Assert.Equal("Completed", Status(final, "payment-failed"));
        Assert.Equal("PaymentFailed", await driver.StatusAsync(number));
        Assert.Contains((await driver.OrderAsync(number)).GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString()!.Contains("PaymentFailed", StringComparison.Ordinal));
        await api.Mail.WaitForMessagesAsync(m => m.Raw.Contains($"We could not charge your card for order {number}", StringComparison.Ordinal), 1, Timeout);
        var declined = (await driver.PaymentsAsync(number)).Where(p => p.GetProperty("status").GetString() == "Declined").ToList();
        Assert.Equal(4, declined.Count);
        Assert.Equal(4, declined.Select(p => p.GetProperty("idempotencyKey").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_product_charge_declined_once_is_paid_by_the_first_retry_a_day_later()
    {
        var (api, driver) = await StartAsync();
        await using var _ = api;
        var (number, _) = await driver.PlaceTrialAsync(Token("tok_approve_then_decline_once"));
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(16));

        var workflow = await driver.WorkflowAsync(number);
        Assert.Equal("Completed", Status(workflow, "product-charge-retry-1"));
        Assert.Equal("Completed", Status(workflow, "payment-confirmation"));
        Assert.Equal("Paid", await driver.StatusAsync(number));
        Assert.False(workflow.ContainsKey("product-charge-retry-2"));
    }

    [Fact]
    public async Task A_hard_declined_product_charge_is_never_retried()
    {
        var (api, driver) = await StartAsync();
        await using var _ = api;
        var (number, _) = await driver.PlaceTrialAsync(Token("tok_approve_then_stolen"));
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(30));

        var workflow = await driver.WorkflowAsync(number);
        Assert.Equal("Failed", Status(workflow, "product-charge"));
        Assert.DoesNotContain(workflow.Keys, k => k.Contains("retry", StringComparison.Ordinal));
        Assert.Equal("PaymentFailed", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task A_cancelled_trial_is_never_charged_nor_reminded()
    {
        var (api, driver) = await StartAsync();
        await using var _ = api;
        var (number, _) = await driver.PlaceTrialAsync();
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();

        (await driver.Admin.PostAsJsonAsync($"/api/v1/orders/{number}/cancel", new { reason = "Customer changed their mind" })).EnsureSuccessStatusCode();
        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(31));

        var workflow = await driver.WorkflowAsync(number);
        foreach (var id in new[] { "trial-reminder", "extension-offer", "product-charge", "payment-confirmation" })
        {
            Assert.Equal("Cancelled", Status(workflow, id));
        }

        Assert.Single(await driver.PaymentsAsync(number));
        Assert.Equal("Cancelled", await driver.StatusAsync(number));
        await (await driver.Admin.PostAsync($"/api/v1/orders/{number}/confirm", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task With_auto_payments_disabled_the_trial_charge_goes_on_hold_and_runs_at_once_when_they_are_enabled_again()
    {
        var (api, driver) = await StartAsync();
        await using var _ = api;
        var (number, customer) = await driver.PlaceTrialAsync();
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();

        (await driver.Admin.PutAsJsonAsync($"/api/v1/customers/{customer}/auto-payments", new { enabled = false })).EnsureSuccessStatusCode();
        Assert.Equal("OnHold", Status(await driver.WorkflowAsync(number), "product-charge"));
        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(20));
        Assert.Equal("OnHold", Status(await driver.WorkflowAsync(number), "product-charge"));
        Assert.Single(await driver.PaymentsAsync(number));
        Assert.Contains((await driver.OrderAsync(number)).GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString()!.StartsWith("Auto-payments disabled", StringComparison.Ordinal));

        (await driver.Admin.PutAsJsonAsync($"/api/v1/customers/{customer}/auto-payments", new { enabled = true })).EnsureSuccessStatusCode();

        Assert.Equal("Completed", Status(await driver.WorkflowAsync(number), "product-charge"));
        Assert.Equal("Paid", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task An_unpaid_order_cancels_itself_seven_days_after_placement_unless_the_date_is_moved_or_disabled()
    {
        var (api, driver) = await StartAsync();
        await using var _ = api;
        var customer = await driver.CreateCustomerAsync();
        async Task<string> PlaceUnpaidAsync()
        {
            var response = await driver.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "EUR", trial = false });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        }

        var plain = await PlaceUnpaidAsync();
        var moved = await PlaceUnpaidAsync();
        var disabled = await PlaceUnpaidAsync();
        var placedAt = (await driver.OrderAsync(plain)).GetProperty("placedAt").GetDateTimeOffset();
        Assert.Equal(placedAt.AddDays(7), (await driver.OrderAsync(plain)).GetProperty("autoCancelAt").GetDateTimeOffset());
        (await driver.Admin.PutAsJsonAsync($"/api/v1/orders/{moved}/auto-cancel", new { at = placedAt.AddDays(10) })).EnsureSuccessStatusCode();
        (await driver.Admin.PutAsJsonAsync($"/api/v1/orders/{disabled}/auto-cancel", new { disabled = true })).EnsureSuccessStatusCode();

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(7));
        Assert.Equal("Cancelled", await driver.StatusAsync(plain));
        Assert.Equal("Pending", await driver.StatusAsync(moved));

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(10));
        Assert.Equal("Cancelled", await driver.StatusAsync(moved));
        Assert.Equal("Pending", await driver.StatusAsync(disabled));
    }

}
