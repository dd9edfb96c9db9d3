using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// SMS templates on the booking triggers, through the local gateway on the simulated clock: the booking.made SMS
/// goes to the customer's phone on file at once, the booking.reminder SMS at 13:00 the day before in the customer's
/// zone, each exactly once at the gateway.
/// </summary>
public sealed class BookingSmsTemplatesApiTests(SmsApiFixture fixture) : IClassFixture<SmsApiFixture>
{
    private const string Meeting = "meeting";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly object MeetingOutcome = new { code = Meeting, label = "Appointment booked", type = "T", color = "#00897B", quick = true };

    private readonly CallDriver calls = new(fixture.Api.Admin());

    private HttpClient Admin => calls.Admin;

    [Fact]
    public async Task A_booking_sends_the_booking_made_sms_to_the_customers_phone_and_the_reminder_sms_at_13_00_the_day_before_each_once_at_the_gateway()
    {
        var closer = "closer-" + TestValues.Letters(8);
        (await Admin.PutAsJsonAsync($"/api/v1/agents/{closer}", new
        {
            name = "Lena",
            agenda = new { timeZone = "Europe/Rome", dayStart = "09:00", dayEnd = "17:00", slotMinutes = 30, workDays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" } },
        })).EnsureSuccessStatusCode();
        var campaign = await calls.CreateCampaignAsync(outcomes: [MeetingOutcome]);
        await PutSmsAsync(campaign, "made", "booking.made", "Hi {$name}, see you {$booking.start} with {$agent.name}.");
        await PutSmsAsync(campaign, "remind", "booking.reminder", "Tomorrow at {$booking.start:time}: your meeting with {$agent.name}.");
        var (customerId, phone) = await fixture.CustomerAsync("Mario Rossi");
        await calls.AddLeadAsync(campaign, phone, "Europe/Rome", "Mario Rossi", customerId: customerId);
        var callId = (await calls.DialAsync(campaign, "agent-1") ?? throw new InvalidOperationException("Nothing to dial.")).CallId;
        var slot = await SlotAsync();
        var draft = await calls.DraftAsync(callId, new { appointment = new { agentId = closer, start = slot } });
        Assert.True(draft.StatusCode == HttpStatusCode.OK, await draft.Content.ReadAsStringAsync());

        await calls.ConfirmOkAsync(callId, new { code = Meeting });

        var made = await Eventually.WaitForAsync(() => Task.FromResult(SentTo(phone, "Hi Mario Rossi")), s => s.Count == 1, Timeout);
        Assert.Equal($"Hi Mario Rossi, see you {RomeClock(slot, "yyyy-MM-dd HH:mm")} with Lena.", made[0].Text);
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot, Rome).DateTime).AddDays(-1).ToDateTime(new TimeOnly(13, 0));
        var reminderAt = new DateTimeOffset(local, Rome.GetUtcOffset(local)).ToUniversalTime();
        await calls.AdvanceToAsync(reminderAt.AddMinutes(-1));
        Assert.Empty(SentTo(phone, "Tomorrow at"));

        await calls.AdvanceToAsync(reminderAt);

        var reminder = await Eventually.WaitForAsync(() => Task.FromResult(SentTo(phone, "Tomorrow at")), s => s.Count == 1, Timeout);
        Assert.Equal($"Tomorrow at {RomeClock(slot, "HH:mm")}: your meeting with Lena.", reminder[0].Text);
        await calls.AdvanceToAsync(slot.AddDays(1));
        Assert.Single(SentTo(phone, "Tomorrow at"));
        Assert.Single(SentTo(phone, "Hi Mario Rossi"));
    }

    private List<ReceivedSms> SentTo(string phone, string start) =>
        fixture.Gateway.Received.Where(r => r.To == phone && r.AnsweredWith == 202 && r.Text.StartsWith(start, StringComparison.Ordinal)).ToList();

    private async Task PutSmsAsync(string campaign, string id, string trigger, string body)
    {
        var response = await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/{id}", new
        {
            channel = "sms",
            from = new { address = "Shop" },
            recipients = new[] { "customer.phone" },
            body,
            trigger = new { @event = trigger },
        });
        Assert.True(response.IsSuccessStatusCode, $"PUT template answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>10:00 in Rome on a work day at least three days ahead.</summary>
    private async Task<DateTimeOffset> SlotAsync()
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(await calls.NowAsync(), Rome).DateTime).AddDays(3);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var local = day.ToDateTime(new TimeOnly(10, 0));
        return new DateTimeOffset(local, Rome.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string RomeClock(DateTimeOffset instant, string format) => TimeZoneInfo.ConvertTime(instant, Rome).ToString(format, CultureInfo.InvariantCulture);
}
