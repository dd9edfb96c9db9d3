using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>Quiet hours through the api: an automated SMS waits for their end, a manual one does not; the cap skips.</summary>
public sealed class SmsQuietHoursApiTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_automated_SMS_inside_the_quiet_hours_is_deferred_to_their_end_and_sent_then_while_a_manual_SMS_goes_at_once()
    {
        await using var gateway = await SmsGatewaySink.StartAsync();

        // Quiet all day but the last minute, so the test does not depend on the hour it runs at.
        await using var api = new SmsApiFactory(gateway, extra: new Dictionary<string, string?> { ["Sms:QuietHours"] = "00:00-23:59" });
        var outbox = api.Services.GetRequiredService<ISmsOutbox>();
        var now = api.Services.GetRequiredService<CrmClock>().GetUtcNow();
        var phone = TestValues.Phone();
        var customer = await CustomerAsync(api, phone);

        var automated = await outbox.SendAsync(new SmsMessage($"test:{TestValues.Key()}", phone, "Reminder.", SmsKind.Automated, "Europe/Rome"));
        var manual = await api.Agent().PostAsJsonAsync($"/api/v1/customers/{customer}/sms", new { text = "Call us back." });
        var manualId = (await manual.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString()!;

        await Eventually.WaitForAsync(() => Status(api, manualId), s => s == "Sent", Wait);
        var end = new QuietHours(TimeOnly.MinValue, new TimeOnly(23, 59)).DeferredUntil(now, "Europe/Rome")!.Value;
        Assert.Equal(DeliveryStatus.Queued, (await outbox.GetAsync(automated.Key))!.Status);
        Assert.Equal(0, (await outbox.GetAsync(automated.Key))!.Attempts);
        Assert.Equal(0, gateway.RequestsFor(automated.MessageId));

        (await api.Admin().PostAsJsonAsync("/api/v1/test-clock/advance", new { to = end })).EnsureSuccessStatusCode();

        Assert.Equal("Sent", await Eventually.WaitForAsync(() => Status(api, automated.MessageId), s => s == "Sent", Wait));
        Assert.Equal(1, gateway.MessagesFor(automated.MessageId));
    }

    [Fact]
    public async Task An_automated_SMS_over_the_recipients_frequency_cap_is_Skipped_and_a_retried_one_counts_once()
    {
        await using var gateway = await SmsGatewaySink.StartAsync();
        await using var api = new SmsApiFactory(gateway, extra: new Dictionary<string, string?> { ["Sms:FrequencyCap"] = "2", ["Sms:FrequencyWindowHours"] = "24" });
        var outbox = api.Services.GetRequiredService<ISmsOutbox>();
        var phone = TestValues.Phone();

        gateway.FailNext(2, HttpStatusCode.TooManyRequests); // the first message's first attempt fails (two requests) and is retried
        var first = await outbox.SendAsync(new SmsMessage($"test:{TestValues.Key()}", phone, "One.", SmsKind.Automated, "Europe/Rome"));
        await Eventually.WaitForAsync(() => outbox.GetAsync(first.Key), d => d is { Attempts: 1, LastError: not null }, Wait);
        (await api.Admin().PostAsJsonAsync("/api/v1/test-clock/advance", new { by = "PT1M" })).EnsureSuccessStatusCode();
        Assert.Equal("Sent", await Eventually.WaitForAsync(() => Status(api, first.MessageId), s => s != "Queued", Wait));
        var second = await outbox.SendAsync(new SmsMessage($"test:{TestValues.Key()}", phone, "Two.", SmsKind.Automated, "Europe/Rome"));
        Assert.Equal("Sent", await Eventually.WaitForAsync(() => Status(api, second.MessageId), s => s != "Queued", Wait));

        var third = await outbox.SendAsync(new SmsMessage($"test:{TestValues.Key()}", phone, "Three.", SmsKind.Automated, "Europe/Rome"));

        Assert.Equal("Skipped", await Eventually.WaitForAsync(() => Status(api, third.MessageId), s => s != "Queued", Wait));
        Assert.Equal(0, gateway.RequestsFor(third.MessageId));
    }

    private static async Task<string> Status(SmsApiFactory api, string messageId) =>
        (await api.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/messages/{messageId}")).GetProperty("status").GetString()!;

    private static async Task<string> CustomerAsync(SmsApiFactory api, string phone)
    {
        var response = await api.Admin().PostAsJsonAsync("/api/v1/customers", new { name = "Quiet Customer", phone, timeZone = "Europe/Rome" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
