using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// Quiet hours as a campaign setting: every automated SMS of the campaign (here its booking.made template) waits for
/// the end of the campaign's quiet hours on the recipient's clock, whatever the global setting (none, in this api).
/// </summary>
public sealed class CampaignQuietHoursApiTests(SmsApiFixture fixture) : IClassFixture<SmsApiFixture>
{
    private const string Meeting = "meeting";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly object MeetingOutcome = new { code = Meeting, label = "Appointment booked", type = "T", color = "#00897B", quick = true };

    private readonly CallDriver calls = new(fixture.Api.Admin());

    private HttpClient Admin => calls.Admin;

    [Fact]
    public async Task The_campaigns_quiet_hours_defer_its_automated_SMS_to_their_end_in_the_recipients_zone()
    {
        var closer = "closer-" + TestValues.Letters(8);
        (await Admin.PutAsJsonAsync($"/api/v1/agents/{closer}", new { name = "Lena" })).EnsureSuccessStatusCode();
        var campaign = "camp-" + TestValues.Letters(12);

        // Quiet all day but the last minute on the recipient's clock (Rome), so the test does not depend on the hour it runs at.
        var put = await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}", new
        {
            name = "Quiet campaign",
            timeZone = "UTC",
            callingHours = new { start = "00:00", end = "23:59" },
            outcomes = new[] { MeetingOutcome },
            quietHours = "00:00-23:59",
        });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("00:00-23:59", (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}")).GetProperty("campaign").GetProperty("quietHours").GetString());
        (await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/made", new
        {
            channel = "sms",
            from = new { address = "Shop" },
            recipients = new[] { "customer.phone" },
            body = "Booked: {$booking.start}.",
            trigger = new { @event = "booking.made" },
        })).EnsureSuccessStatusCode();
        var (customerId, phone) = await fixture.CustomerAsync("Giulia Bianchi");
        await calls.AddLeadAsync(campaign, phone, "Europe/Rome", "Giulia Bianchi", customerId: customerId);
        var callId = (await calls.DialAsync(campaign, "agent-1") ?? throw new InvalidOperationException("Nothing to dial.")).CallId;
        var now = await calls.NowAsync();
        var draft = await calls.DraftAsync(callId, new { appointment = new { agentId = closer, start = Slot(now) } });
        Assert.True(draft.StatusCode == HttpStatusCode.OK, await draft.Content.ReadAsStringAsync());

        await calls.ConfirmOkAsync(callId, new { code = Meeting });

        var end = new QuietHours(TimeOnly.MinValue, new TimeOnly(23, 59)).DeferredUntil(now, "Europe/Rome")!.Value;
        var queued = await Eventually.WaitForAsync(() => SmsOfCallAsync(callId), m => m.Count == 1, Timeout);
        Assert.Equal("Queued", queued[0].GetProperty("status").GetString());
        await calls.AdvanceToAsync(end.AddMinutes(-1));
        Assert.Empty(SentTo(phone));
        Assert.Equal("Queued", (await SmsOfCallAsync(callId))[0].GetProperty("status").GetString());

        await calls.AdvanceToAsync(end);

        await Eventually.WaitForAsync(() => Task.FromResult(SentTo(phone)), s => s.Count == 1, Timeout);
        Assert.Equal("Sent", (await Eventually.WaitForAsync(() => SmsOfCallAsync(callId), m => m[0].GetProperty("status").GetString() != "Queued", Timeout))[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_campaigns_quiet_hours_that_are_not_HH_mm_HH_mm_are_400_on_quietHours_and_nothing_is_stored()
    {
        var campaign = "camp-" + TestValues.Letters(12);

        var put = await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}", new { name = "Bad quiet", timeZone = "UTC", quietHours = "21:00 to 08:00" });

        var problem = await put.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors!.ContainsKey("quietHours"), string.Join(", ", problem.Errors.Keys));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/v1/campaigns/{campaign}")).StatusCode);
    }

    private async Task<List<JsonElement>> SmsOfCallAsync(string callId)
    {
        var page = await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/messages?callId={callId}&channel=sms");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private List<ReceivedSms> SentTo(string phone) =>
        fixture.Gateway.Received.Where(r => r.To == phone && r.AnsweredWith == 202 && r.Text.StartsWith("Booked:", StringComparison.Ordinal)).ToList();

    /// <summary>10:00 UTC (the default agenda: UTC, 09:00-17:00) on a work day at least three days ahead.</summary>
    private static DateTimeOffset Slot(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(3);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
    }
}
