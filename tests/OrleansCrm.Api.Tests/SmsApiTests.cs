using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>SMS end to end through the api: the outbox, the local gateway, its signed webhooks, opt-outs, the message log.</summary>
public sealed class SmsApiTests(SmsApiFixture sms) : IClassFixture<SmsApiFixture>
{
    private ISmsOutbox Outbox => sms.Api.Services.GetRequiredService<ISmsOutbox>();

    [Fact]
    public async Task A_gateway_503_is_retried_on_the_outbox_backoff_and_the_SMS_reaches_the_gateway_once()
    {
        var (customer, phone) = await sms.CustomerAsync();

        // Two requests per attempt (the HTTP client retries once): the first attempt meets two 503s, the second one more, then success.
        sms.Gateway.FailNext(3, HttpStatusCode.ServiceUnavailable);
        var delivery = await Outbox.SendAsync(Automated(phone, customer, "Your booking is tomorrow at 10:00."));
        var first = await Eventually.WaitForAsync(() => Outbox.GetAsync(delivery.Key), d => d is { Attempts: 1, LastError: not null }, TimeSpan.FromSeconds(30));
        Assert.Equal(DeliveryStatus.Queued, first!.Status);
        Assert.Equal(0, sms.Gateway.MessagesFor(delivery.MessageId));

        await sms.AdvanceAsync("PT1M");
        var sent = await sms.SettledAsync(delivery.MessageId);

        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        Assert.Equal(2, (await Outbox.GetAsync(delivery.Key))!.Attempts);
        Assert.Equal(4, sms.Gateway.RequestsFor(delivery.MessageId));
        Assert.Equal(1, sms.Gateway.AcceptancesFor(delivery.MessageId));
        Assert.Equal("Bearer " + SmsGatewaySink.ApiKey, sms.Gateway.Received[^1].Authorization);
        Assert.Equal(["Queued", "Sent"], Statuses(sent));
    }

    [Fact]
    public async Task Duplicated_and_out_of_order_delivery_reports_leave_the_status_correct()
    {
        var (customer, phone) = await sms.CustomerAsync();
        var delivery = await Outbox.SendAsync(Automated(phone, customer, "See you tomorrow."));
        await sms.SettledAsync(delivery.MessageId, "Sent");
        using var crm = sms.Api.CreateClient();

        foreach (var report in new[] { "delivered", "delivered", "sent", "undeliverable", "accepted" })
        {
            var response = await sms.Gateway.ReportAsync(crm, delivery.MessageId, report, SmsGatewaySink.RealNow);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var message = await sms.MessageAsync(delivery.MessageId);
        Assert.Equal("Delivered", message.GetProperty("status").GetString());
        Assert.Equal(["Queued", "Sent", "Delivered"], Statuses(message));
    }

    [Fact]
    public async Task A_delivery_report_arriving_before_the_send_is_recorded_as_sent_moves_a_queued_message_straight_to_Delivered_and_no_retry_follows()
    {
        var (customer, phone) = await sms.CustomerAsync();
        sms.Gateway.FailNext(2, HttpStatusCode.ServiceUnavailable);
        var delivery = await Outbox.SendAsync(Automated(phone, customer, "Out of order."));
        await Eventually.WaitForAsync(() => Outbox.GetAsync(delivery.Key), d => d is { Attempts: 1, LastError: not null }, TimeSpan.FromSeconds(30));
        using var crm = sms.Api.CreateClient();

        Assert.Equal(HttpStatusCode.NoContent, (await sms.Gateway.ReportAsync(crm, delivery.MessageId, "delivered", SmsGatewaySink.RealNow)).StatusCode);
        await sms.AdvanceAsync("PT2M");

        var message = await sms.MessageAsync(delivery.MessageId);
        Assert.Equal("Delivered", message.GetProperty("status").GetString());
        Assert.Equal(2, sms.Gateway.RequestsFor(delivery.MessageId)); // the retry armed for the 503 did not run
    }

    [Fact]
    public async Task A_delivery_report_with_a_bad_or_missing_signature_or_a_stale_timestamp_is_401_and_changes_nothing()
    {
        var (customer, phone) = await sms.CustomerAsync();
        var delivery = await Outbox.SendAsync(Automated(phone, customer, "Signed only."));
        await sms.SettledAsync(delivery.MessageId, "Sent");
        using var crm = sms.Api.CreateClient();
        var body = new { id = "x", clientMessageId = delivery.MessageId, status = "delivered" };

        var wrongSecret = await sms.Gateway.ReportAsync(crm, delivery.MessageId, "delivered", SmsGatewaySink.RealNow, secret: "not-the-secret");
        var stale = await sms.Gateway.ReportAsync(crm, delivery.MessageId, "delivered", SmsGatewaySink.RealNow.AddMinutes(-10));
        var unsigned = await crm.PostAsJsonAsync("/api/v1/sms/delivery-reports", body);

        foreach (var response in new[] { wrongSecret, stale, unsigned })
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        var message = await sms.MessageAsync(delivery.MessageId);
        Assert.Equal("Sent", message.GetProperty("status").GetString());
        Assert.Equal(["Queued", "Sent"], Statuses(message));
    }

    [Fact]
    public async Task A_webhook_is_judged_fresh_on_the_real_clock_while_the_simulated_clock_stands_hours_ahead()
    {
        var own = new SmsApiFixture(); // its own api: the shared one's clock is not moved hours ahead
        await own.InitializeAsync();
        try
        {
            var (_, phone) = await own.CustomerAsync();
            await own.AdvanceAsync("PT6H");
            using var crm = own.Api.CreateClient();

            Assert.Equal(HttpStatusCode.NoContent, (await own.Gateway.InboundAsync(crm, phone, "STOP", SmsGatewaySink.RealNow)).StatusCode);
            await (await own.Gateway.InboundAsync(crm, phone, "STOP", own.Now)).AssertProblemAsync(HttpStatusCode.Unauthorized); // six hours off the real clock
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_a_STOP_reply_an_automated_SMS_is_Skipped_and_START_lifts_it()
    {
        var (customer, phone) = await sms.CustomerAsync();
        using var crm = sms.Api.CreateClient();

        Assert.Equal(HttpStatusCode.NoContent, (await sms.Gateway.InboundAsync(crm, phone, "  stop ", SmsGatewaySink.RealNow)).StatusCode);
        var skipped = await Outbox.SendAsync(Automated(phone, customer, "After STOP."));
        var message = await sms.SettledAsync(skipped.MessageId);

        Assert.Equal("Skipped", message.GetProperty("status").GetString());
        Assert.Contains("opt-out", message.GetProperty("history")[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, sms.Gateway.RequestsFor(skipped.MessageId));

        Assert.Equal(HttpStatusCode.NoContent, (await sms.Gateway.InboundAsync(crm, phone, "Start", SmsGatewaySink.RealNow)).StatusCode);
        var sent = await Outbox.SendAsync(Automated(phone, customer, "After START."));
        Assert.Equal("Sent", (await sms.SettledAsync(sent.MessageId)).GetProperty("status").GetString());
        Assert.Equal(1, sms.Gateway.MessagesFor(sent.MessageId));
    }

    [Fact]
    public async Task An_unsigned_STOP_reply_is_401_and_the_number_is_not_opted_out()
    {
        var (customer, phone) = await sms.CustomerAsync();
        using var crm = sms.Api.CreateClient();

        await (await crm.PostAsJsonAsync("/api/v1/sms/inbound", new { from = phone, text = "STOP" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var delivery = await Outbox.SendAsync(Automated(phone, customer, "Still subscribed."));

        Assert.Equal("Sent", (await sms.SettledAsync(delivery.MessageId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_gateways_opt_out_error_fails_the_SMS_at_once_and_puts_the_number_on_the_opt_out_list()
    {
        var (customer, phone) = await sms.CustomerAsync();
        sms.Gateway.OptOutAtGateway(phone);

        var refused = await Outbox.SendAsync(Automated(phone, customer, "Refused."));
        var failed = await sms.SettledAsync(refused.MessageId);
        var next = await Outbox.SendAsync(Automated(phone, customer, "Never sent."));

        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal(1, (await Outbox.GetAsync(refused.Key))!.Attempts);
        Assert.Equal("Skipped", (await sms.SettledAsync(next.MessageId)).GetProperty("status").GetString());
        Assert.Equal(0, sms.Gateway.RequestsFor(next.MessageId));
    }

    [Fact]
    public async Task A_manual_SMS_is_sent_to_the_customers_phone_and_shows_in_the_message_log_of_the_customer()
    {
        var (customer, phone) = await sms.CustomerAsync();

        var response = await sms.Api.Agent().PostAsJsonAsync($"/api/v1/customers/{customer}/sms", new { text = "We tried to reach you: call us back on 06 1234." });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString()!;
        Assert.Equal($"/api/v1/messages/{messageId}", response.Headers.Location?.OriginalString);
        var sent = await sms.SettledAsync(messageId);
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        Assert.Equal("sms", sent.GetProperty("channel").GetString());
        Assert.Equal(phone, sent.GetProperty("recipients")[0].GetString());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("templateVersion").ValueKind);
        Assert.Equal(phone, Assert.Single(sms.Gateway.Received, r => r.ClientMessageId == messageId).To);

        var log = await sms.Api.Agent().GetFromJsonAsync<JsonElement>($"/api/v1/messages?customerId={customer}&channel=sms&status=Sent");
        Assert.Equal(messageId, Assert.Single(log.GetProperty("items").EnumerateArray()).GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task A_manual_SMS_over_10_segments_is_400_naming_the_text_and_nothing_is_stored_or_sent()
    {
        var (customer, _) = await sms.CustomerAsync();
        var before = sms.Gateway.Received.Count;

        var tooLong = await sms.Api.Agent().PostAsJsonAsync($"/api/v1/customers/{customer}/sms", new { text = new string('a', 153 * 10 + 1) });
        var tooLongUnicode = await sms.Api.Agent().PostAsJsonAsync($"/api/v1/customers/{customer}/sms", new { text = "’" + new string('a', 67 * 10) });

        foreach (var response in new[] { tooLong, tooLongUnicode })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("text", problem.Errors!.Keys);
        }

        var log = await sms.Api.Agent().GetFromJsonAsync<JsonElement>($"/api/v1/messages?customerId={customer}");
        Assert.Equal(0, log.GetProperty("total").GetInt32());
        Assert.Equal(before, sms.Gateway.Received.Count);
    }

    [Fact]
    public async Task A_manual_SMS_of_exactly_10_segments_is_sent()
    {
        var (customer, _) = await sms.CustomerAsync();

        var response = await sms.Api.Agent().PostAsJsonAsync($"/api/v1/customers/{customer}/sms", new { text = new string('a', 153 * 10) });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_manual_SMS_to_an_unknown_customer_is_404_and_an_inbound_SMS_from_a_number_that_is_not_E164_is_400()
    {
        using var crm = sms.Api.CreateClient();

        await (await sms.Api.Agent().PostAsJsonAsync("/api/v1/customers/cus_missing/sms", new { text = "Hello" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await sms.Gateway.InboundAsync(crm, "06 1234 5678", "STOP", SmsGatewaySink.RealNow)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("from", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_card_number_in_a_manual_SMS_is_redacted_before_it_is_stored_or_sent()
    {
        var (customer, _) = await sms.CustomerAsync();

        var response = await sms.Api.Agent().PostAsJsonAsync($"/api/v1/customers/{customer}/sms", new { text = "Your card 4111 1111 1111 1111 was declined." });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString()!;
        await sms.SettledAsync(messageId);
        var body = (await sms.MessageAsync(messageId)).GetProperty("body").GetString()!;
        var sent = Assert.Single(sms.Gateway.Received, r => r.ClientMessageId == messageId).Text;
        foreach (var text in new[] { body, sent })
        {
            Assert.DoesNotContain("4111 1111 1111 1111", text, StringComparison.Ordinal);
            Assert.Contains("1111", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_manual_SMS_checks_the_opt_out_list()
    {
        var (customer, phone) = await sms.CustomerAsync();
        using var crm = sms.Api.CreateClient();
        await sms.Gateway.InboundAsync(crm, phone, "BASTA", SmsGatewaySink.RealNow);

        var response = await sms.Api.Agent().PostAsJsonAsync($"/api/v1/customers/{customer}/sms", new { text = "Hello" });

        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString()!;
        Assert.Equal("Skipped", (await sms.SettledAsync(messageId)).GetProperty("status").GetString());
        Assert.Equal(0, sms.Gateway.RequestsFor(messageId));
    }

    [Fact]
    public async Task The_message_log_shows_an_orders_confirmation_email_and_refuses_an_unknown_status_or_channel()
    {
        var driver = new OrderDriver(sms.Api.Admin());
        await driver.EnsureOfferAsync();
        var (number, customer) = await driver.PlaceTrialAsync();

        var log = await Eventually.WaitForAsync(
            () => sms.Api.Agent().GetFromJsonAsync<JsonElement>($"/api/v1/messages?orderNumber={number}&channel=email"),
            l => l.GetProperty("items").EnumerateArray().Any(m => m.GetProperty("status").GetString() == "Sent"),
            TimeSpan.FromSeconds(30));

        var email = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal(customer, email.GetProperty("customerId").GetString());
        Assert.Equal($"Your order {number} is confirmed", email.GetProperty("subject").GetString());
        Assert.Equal(["Queued", "Sent"], Statuses(email));
        await (await sms.Api.Agent().GetAsync("/api/v1/messages?status=Lost")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await sms.Api.Agent().GetAsync("/api/v1/messages?channel=fax")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await sms.Api.Agent().GetAsync("/api/v1/messages/em_unknown")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_resent_order_confirmation_shows_in_the_message_log_as_a_second_email_of_the_order()
    {
        var driver = new OrderDriver(sms.Api.Admin());
        await driver.EnsureOfferAsync();
        var (number, _) = await driver.PlaceTrialAsync();
        await Eventually.WaitForAsync(
            async () => (await driver.WorkflowAsync(number))["order-confirmation"].GetProperty("status").GetString(), s => s == "Completed", TimeSpan.FromSeconds(30));

        (await sms.Api.Agent().PostAsync($"/api/v1/orders/{number}/workflow/order-confirmation/resend", null)).EnsureSuccessStatusCode();

        var log = await Eventually.WaitForAsync(
            () => sms.Api.Agent().GetFromJsonAsync<JsonElement>($"/api/v1/messages?orderNumber={number}&status=Sent"),
            l => l.GetProperty("items").EnumerateArray().Count(m => m.GetProperty("subject").GetString() == $"Your order {number} is confirmed") == 2,
            TimeSpan.FromSeconds(30));
        Assert.Equal(2, log.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("messageId").GetString()).Distinct().Count());
    }

    private static SmsMessage Automated(string phone, string customerId, string text) =>
        new($"test:{TestValues.Key()}:{phone}", phone, text, SmsKind.Automated, "Europe/Rome", null, new MessageContext(customerId, null, null));

    private static string[] Statuses(JsonElement message) =>
        [.. message.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()!)];
}
