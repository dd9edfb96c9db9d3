using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The order triggers on the simulated clock, counted at the local SMTP server, on each profile: an order placed in a
/// campaign sends the campaign's order.placed template in place of the built-in confirmation, an offer's template wins
/// over the campaign's, a cancelled or a deleted order sends the campaign's template on that trigger, each exactly
/// once; a template-sent confirmation is resent through the resend route and shows in the message log.
/// </summary>
public abstract class OrderTemplatesApiContract
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    protected abstract WorkflowApiFactory Api { get; }

    private OrderDriver Driver => new(Api.Admin());

    [Fact]
    public async Task An_order_placed_in_a_campaign_sends_its_order_placed_template_instead_of_the_built_in_confirmation_exactly_once_and_the_log_names_the_template()
    {
        var campaign = await CampaignAsync();
        await PutTemplateAsync(campaign, "welcome", "order.placed", "Welcome {$order.number}", "Dear {$name}, {$order.productPrice} is charged on {$trial.chargeAt:date} ({$campaign.name}).");
        var (number, email) = await PlaceAsync(campaign);

        var welcome = Assert.Single(await Api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("Welcome " + number, StringComparison.Ordinal), 1, Timeout));
        Assert.Contains("Dear Anna Bianchi, USD 49.95 is charged on ", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("(Order templates)", welcome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{$", welcome.Text, StringComparison.Ordinal);
        var row = (await Driver.WorkflowAsync(number))["order-confirmation"];
        Assert.Equal("Completed", row.GetProperty("status").GetString());
        Assert.Equal(email, row.GetProperty("recipient").GetString());
        await Driver.AdvanceToAsync(await Driver.NowAsync(), TimeSpan.FromHours(1));
        Assert.Single(Api.Mail.MessagesTo(email), m => m.Text.Contains("Welcome " + number, StringComparison.Ordinal));
        Assert.DoesNotContain(Api.Mail.MessagesTo(email), m => m.Text.Contains($"Your order {number} is confirmed", StringComparison.Ordinal));
        var log = await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/messages?orderNumber={number}&channel=email");
        var logged = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal("welcome@1", logged.GetProperty("templateVersion").GetString());
        Assert.Equal($"Welcome {number}", logged.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task An_offers_template_wins_over_the_campaigns_template_for_an_order_of_that_offer()
    {
        var campaign = await CampaignAsync();
        await PutTemplateAsync(campaign, "general", "order.placed", "General {$order.number}", "The campaign's text.");
        await PutTemplateAsync(campaign, "for-cream", "order.placed", "Cream {$order.number}", "The offer's text for {$name}.", constraints: [new { field = "order.offer", anyOf = new[] { OrderDriver.Offer } }]);
        await PutTemplateAsync(campaign, "for-other", "order.placed", "Other {$order.number}", "Another offer's text.", constraints: [new { field = "order.offer", anyOf = new[] { "not-cream" } }]);
        var (number, email) = await PlaceAsync(campaign);

        var offers = Assert.Single(await Api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("Cream " + number, StringComparison.Ordinal), 1, Timeout));
        Assert.Contains("The offer's text for Anna Bianchi.", offers.Text, StringComparison.Ordinal);
        await Driver.EmailsSettledAsync(number);
        await Driver.AdvanceToAsync(await Driver.NowAsync(), TimeSpan.FromHours(1));
        Assert.Single(Api.Mail.MessagesTo(email));
    }

    [Fact]
    public async Task A_cancelled_order_sends_the_campaigns_order_cancelled_template_exactly_once()
    {
        var campaign = await CampaignAsync();
        await PutTemplateAsync(campaign, "gone", "order.cancelled", "Cancelled {$order.number}", "Dear {$name}, order {$order.number} was cancelled on {$order.cancelledAt:date}.");
        var (number, email) = await PlaceAsync(campaign);
        await Api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains($"Your order {number} is confirmed", StringComparison.Ordinal), 1, Timeout);

        (await Admin.PostAsJsonAsync($"/api/v1/orders/{number}/cancel", new { reason = "changed my mind" })).EnsureSuccessStatusCode();

        var cancelled = Assert.Single(await Api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("Cancelled " + number, StringComparison.Ordinal), 1, Timeout));
        Assert.Contains($"Dear Anna Bianchi, order {number} was cancelled on ", cancelled.Text, StringComparison.Ordinal);
        await Driver.AdvanceToAsync(await Driver.NowAsync(), TimeSpan.FromDays(20));
        Assert.Single(Api.Mail.MessagesTo(email), m => m.Text.Contains("Cancelled " + number, StringComparison.Ordinal));
        Assert.Equal(2, Api.Mail.MessagesTo(email).Count);
    }

    [Fact]
    public async Task A_deleted_order_sends_the_campaigns_order_deleted_template_exactly_once()
    {
        var campaign = await CampaignAsync();
        await PutTemplateAsync(campaign, "deleted", "order.deleted", "Deleted {$order.number}", "Order {$order.number} was deleted on {$order.deletedAt:date}.");
        var (number, email) = await PlaceAsync(campaign);
        await Api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains($"Your order {number} is confirmed", StringComparison.Ordinal), 1, Timeout);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/orders/{number}")).StatusCode);

        await Api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("Deleted " + number, StringComparison.Ordinal), 1, Timeout);
        await Driver.AdvanceToAsync(await Driver.NowAsync(), TimeSpan.FromDays(20));
        Assert.Single(Api.Mail.MessagesTo(email), m => m.Text.Contains("Deleted " + number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_confirmation_sent_from_a_campaign_template_is_resent_by_the_resend_route_and_both_show_in_the_message_log()
    {
        var campaign = await CampaignAsync();
        await PutTemplateAsync(campaign, "welcome", "order.placed", "Welcome {$order.number}", "Dear {$name}.");
        var (number, email) = await PlaceAsync(campaign);
        await Eventually.WaitForAsync(
            async () => (await Driver.WorkflowAsync(number))["order-confirmation"].GetProperty("status").GetString(), s => s == "Completed", Timeout);

        (await Api.Agent().PostAsync($"/api/v1/orders/{number}/workflow/order-confirmation/resend", null)).EnsureSuccessStatusCode();

        await Api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("Welcome " + number, StringComparison.Ordinal), 2, Timeout);
        var log = await Eventually.WaitForAsync(
            () => Admin.GetFromJsonAsync<JsonElement>($"/api/v1/messages?orderNumber={number}&status=Sent"),
            l => l.GetProperty("items").EnumerateArray().Count(m => m.GetProperty("subject").GetString() == $"Welcome {number}") == 2,
            Timeout);
        Assert.Equal(2, log.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("messageId").GetString()).Distinct().Count());
        Assert.Equal(2, Api.Mail.MessagesTo(email).Count(m => m.Text.Contains("Welcome " + number, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_order_placed_in_an_unknown_campaign_is_400_naming_the_campaign_and_nothing_is_placed()
    {
        await Driver.EnsureOfferAsync();
        var customer = await Driver.CreateCustomerAsync("Anna Bianchi");

        var response = await Driver.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = "tok_approve", campaignId = "no-such-campaign" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("campaignId", problem.Errors!.Keys);
    }

    private HttpClient Admin => Api.Admin();

    private async Task<string> CampaignAsync()
    {
        var campaign = "orders-" + TestValues.Letters(10).ToLowerInvariant();
        (await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}", Payloads.Campaign("Order templates"))).EnsureSuccessStatusCode();
        return campaign;
    }

    private async Task<(string Number, string Email)> PlaceAsync(string campaign)
    {
        await Driver.EnsureOfferAsync();
        var email = $"{TestValues.Letters(16)}@example.it";
        var customer = await Driver.CreateCustomerAsync("Anna Bianchi", email);
        var response = await Driver.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = "tok_approve", campaignId = campaign });
        Assert.True(response.IsSuccessStatusCode, $"placing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!, email);
    }

    private async Task PutTemplateAsync(string campaign, string id, string trigger, string subject, string body, object[]? constraints = null)
    {
        var response = await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/{id}", new
        {
            channel = "email",
            from = new { address = "orders@example.com", name = "Orders" },
            recipients = new[] { "customer.email" },
            subject,
            body,
            trigger = new { @event = trigger },
            constraints = constraints ?? [],
        });
        Assert.True(response.IsSuccessStatusCode, $"PUT template answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
