using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// An SMS template on an order trigger goes through the local gateway: an order placed in a campaign with an
/// order.placed SMS sends it to the customer's phone exactly once, in place of the built-in confirmation email, and
/// the confirmation row says the templates sent it.
/// </summary>
public sealed class OrderSmsTemplatesApiTests(SmsApiFixture fixture) : IClassFixture<SmsApiFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private HttpClient Admin => fixture.Api.Admin();

    [Fact]
    public async Task An_order_placed_sms_template_is_sent_to_the_customers_phone_exactly_once_at_the_gateway_and_the_confirmation_row_is_completed_by_it()
    {
        var campaign = "sms-orders-" + TestValues.Letters(8).ToLowerInvariant();
        (await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}", Payloads.Campaign("Order SMS"))).EnsureSuccessStatusCode();
        var template = await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/hello", new
        {
            channel = "sms",
            from = new { address = "Shop" },
            recipients = new[] { "customer.phone" },
            body = "Hi {$name}, order {$order.number} is placed: {$order.productPrice} on {$trial.chargeAt:date}.",
            trigger = new { @event = "order.placed" },
        });
        Assert.True(template.IsSuccessStatusCode, await template.Content.ReadAsStringAsync());
        var driver = new OrderDriver(Admin);
        await driver.EnsureOfferAsync();
        var (customer, phone) = await fixture.CustomerAsync("Paola Neri");

        var placed = await driver.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = "tok_approve", campaignId = campaign });
        placed.EnsureSuccessStatusCode();
        var number = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

        var sent = await Eventually.WaitForAsync(() => Task.FromResult(fixture.Gateway.Received.Where(r => r.To == phone).ToList()), r => r.Count == 1, Timeout);
        Assert.StartsWith($"Hi Paola Neri, order {number} is placed: USD 49.95 on ", sent[0].Text, StringComparison.Ordinal);
        Assert.Equal("Shop", sent[0].From);
        var row = (await driver.WorkflowAsync(number))["order-confirmation"];
        Assert.Equal("Completed", row.GetProperty("status").GetString());
        Assert.Contains("campaign's templates", row.GetProperty("result").GetString(), StringComparison.Ordinal);
        var log = await Eventually.WaitForAsync(
            () => Admin.GetFromJsonAsync<JsonElement>($"/api/v1/messages?orderNumber={number}&channel=sms"),
            l => l.GetProperty("items").GetArrayLength() == 1,
            Timeout);
        Assert.Equal("hello@1", log.GetProperty("items")[0].GetProperty("templateVersion").GetString());
        Assert.Equal(0, (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/messages?orderNumber={number}&channel=email")).GetProperty("total").GetInt32());

        await fixture.AdvanceAsync("PT1H");
        Assert.Single(fixture.Gateway.Received, r => r.To == phone);
        Assert.Equal(1, fixture.Gateway.MessagesFor(sent[0].ClientMessageId));
    }
}
