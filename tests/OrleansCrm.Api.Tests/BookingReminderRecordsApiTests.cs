using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;
using static OrleansCrm.Testing.TestValues;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// Booking reminders beyond the booking's own turn, on the simulated clock: a reminder template saved after the booking
/// was made reaches it (13:00 the day before in the customer's zone, in place of the built-in reminder), and a reminder
/// that is not sent is in the message log as <c>Skipped</c> with the reason, on both profiles.
/// </summary>
public sealed class BookingReminderRecordsApiTests
{
    private const string Meeting = "meeting";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly object MeetingOutcome = new { code = Meeting, label = "Appointment booked", type = "T", color = "#00897B", quick = true };

    [Fact]
    public async Task A_booking_made_before_its_reminder_template_was_saved_gets_the_reminder_at_13_00_the_day_before_in_the_customers_zone_once_and_not_the_built_in_one()
    {
        await using var api = new WorkflowApiFactory();
        var calls = new CallDriver(api.Admin());
        var (campaign, closer) = await SetUpAsync(calls);
        var email = NewEmail();
        var booked = await BookAsync(calls, campaign, closer, email, "Yui Tanaka");

        await PutTemplateAsync(calls.Admin, campaign, "remind", "Tomorrow {$booking.id}", "Template reminder: {$booking.start:time} with {$agent.name}.");

        var reminderAt = ReminderFor(booked.Slot, Tokyo);
        await calls.AdvanceToAsync(reminderAt.AddMinutes(-1));
        Assert.Empty(TemplateReminders(api, email));
        await calls.AdvanceToAsync(reminderAt);
        var reminder = Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && IsTemplateReminder(m), 1, Timeout));
        Assert.Contains($"Template reminder: {TimeZoneInfo.ConvertTime(booked.Slot, Tokyo):HH:mm} with Closer {closer}.", reminder.Text, StringComparison.Ordinal);
        await calls.AdvanceToAsync(booked.Slot.AddDays(1));
        Assert.Single(TemplateReminders(api, email));
        Assert.DoesNotContain(api.Mail.MessagesTo(email), m => m.Text.Contains("Reminder: your appointment", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reminder_template_saved_while_an_agenda_cannot_be_written_is_saved_and_still_reaches_the_earlier_booking_once(bool onPostgres)
    {
        await using var database = onPostgres ? await TestDatabase.CreateMigratedAsync("reminder_replan") : null;
        var faults = new StorageFaults();
        await using var api = new WorkflowApiFactory(database?.ConnectionString, faults);
        var calls = new CallDriver(api.Admin());
        var (campaign, closer) = await SetUpAsync(calls);
        var email = NewEmail();
        var booked = await BookAsync(calls, campaign, closer, email, "Aoi Sato");
        faults.FailOnce(StorageFaults.StateWrite(OrleansCrm.Grains.StorageNames.AgentState), _ => true); // the agenda's write of the new plan

        await PutTemplateAsync(calls.Admin, campaign, "remind", "Tomorrow {$booking.id}", "Template reminder: {$booking.start:time}.");

        await Eventually.WaitForAsync(() => Task.FromResult(faults.Pending), pending => pending == 0, Timeout);
        var reminderAt = ReminderFor(booked.Slot, Tokyo);
        await calls.AdvanceToAsync(reminderAt);
        Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && IsTemplateReminder(m), 1, Timeout));
        await calls.AdvanceToAsync(booked.Slot.AddDays(1));
        Assert.Single(TemplateReminders(api, email));
        Assert.DoesNotContain(api.Mail.MessagesTo(email), m => m.Text.Contains("Reminder: your appointment", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reminder_not_sent_is_in_the_message_log_as_Skipped_with_the_reason_keyed_as_the_message_it_would_have_been(bool onPostgres)
    {
        await using var database = onPostgres ? await TestDatabase.CreateMigratedAsync("reminder_records") : null;
        await using var api = new WorkflowApiFactory(database?.ConnectionString);
        var calls = new CallDriver(api.Admin());
        var (campaign, closer) = await SetUpAsync(calls);
        await PutTemplateAsync(calls.Admin, campaign, "late", "Long ahead {$booking.id}", "Template reminder: twenty days ahead.", reminderDaysBefore: 20);
        await PutTemplateAsync(calls.Admin, campaign, "remind", "Tomorrow {$booking.id}", "Template reminder: {$booking.start:time}.");
        var email = NewEmail();
        var booked = await BookAsync(calls, campaign, closer, email, "Ren Kato");

        Assert.Equal(HttpStatusCode.OK, (await api.Agent().PostAsync($"/api/v1/bookings/{booked.BookingId}/cancel", null)).StatusCode);
        await calls.AdvanceToAsync(booked.Slot.AddDays(1));

        var skipped = await Eventually.WaitForAsync(() => SkippedAsync(calls.Admin, booked.CallId), s => s.Count == 2, Timeout);
        var late = Assert.Single(skipped, m => m.GetProperty("subject").GetString() == "Long ahead " + booked.BookingId);
        var cancelled = Assert.Single(skipped, m => m.GetProperty("subject").GetString() == "Tomorrow " + booked.BookingId);
        Assert.Contains("had passed when the booking was made", Reason(late), StringComparison.Ordinal);
        Assert.Equal("The booking reminder is not sent: the booking was cancelled.", Reason(cancelled));
        Assert.Equal("late@1", late.GetProperty("templateVersion").GetString());
        Assert.Equal([email], cancelled.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        var byId = await calls.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/messages/{cancelled.GetProperty("messageId").GetString()}");
        Assert.Equal("Skipped", byId.GetProperty("status").GetString());
        Assert.Equal(["Skipped"], byId.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        Assert.Empty(TemplateReminders(api, email));
    }

    private static async Task<List<JsonElement>> SkippedAsync(HttpClient admin, string callId)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/messages?callId={callId}&status=Skipped");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static string? Reason(JsonElement message) => message.GetProperty("history").EnumerateArray().Last().GetProperty("detail").GetString();

    private static async Task<(string Campaign, string Closer)> SetUpAsync(CallDriver calls)
    {
        var closer = "closer-" + Letters(8);
        var profile = await calls.Admin.PutAsJsonAsync($"/api/v1/agents/{closer}", new
        {
            name = "Closer " + closer,
            email = NewEmail(),
            agenda = new { timeZone = "Europe/Rome", dayStart = "09:00", dayEnd = "17:00", slotMinutes = 30, workDays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" } },
        });
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        return (await calls.CreateCampaignAsync(outcomes: [MeetingOutcome]), closer);
    }

    private static async Task PutTemplateAsync(HttpClient admin, string campaign, string id, string subject, string body, int? reminderDaysBefore = null)
    {
        var response = await admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/{id}", new
        {
            channel = "email",
            from = new { address = "meetings@example.com", name = "Meetings" },
            recipients = new[] { "customer.email" },
            subject,
            body,
            trigger = reminderDaysBefore is null ? (object)new { @event = "booking.reminder" } : new { @event = "booking.reminder", reminderDaysBefore },
        });
        Assert.True(response.IsSuccessStatusCode, $"PUT template answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A lead of the campaign in Tokyo dialled and booked with the closer at 10:00 Rome time, at least three days ahead.</summary>
    private static async Task<(string BookingId, string CallId, DateTimeOffset Slot)> BookAsync(CallDriver calls, string campaign, string closer, string email, string name)
    {
        await calls.AddLeadAsync(campaign, Phone(), "Asia/Tokyo", name, email);
        var callId = (await calls.DialAsync(campaign, "agent-1") ?? throw new InvalidOperationException("Nothing to dial.")).CallId;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(await calls.NowAsync(), Rome).DateTime).AddDays(3);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var local = day.ToDateTime(new TimeOnly(10, 0));
        var slot = new DateTimeOffset(local, Rome.GetUtcOffset(local)).ToUniversalTime();
        var draft = await calls.DraftAsync(callId, new { appointment = new { agentId = closer, start = slot } });
        Assert.True(draft.StatusCode == HttpStatusCode.OK, $"the draft answered {(int)draft.StatusCode}: {await draft.Content.ReadAsStringAsync()}");
        var confirmed = await calls.ConfirmOkAsync(callId, new { code = Meeting });
        return (confirmed.GetProperty("outcome").GetProperty("bookingId").GetString()!, callId, slot);
    }

    private static string NewEmail() => $"{Letters(12)}@example.it";

    private static bool IsTemplateReminder(ReceivedEmail email) => email.Text.Contains("Template reminder:", StringComparison.Ordinal);

    private static List<ReceivedEmail> TemplateReminders(WorkflowApiFactory api, string email) => api.Mail.MessagesTo(email).Where(IsTemplateReminder).ToList();

    /// <summary>13:00 on the day before the meeting's day on the customer's wall clock.</summary>
    private static DateTimeOffset ReminderFor(DateTimeOffset meeting, TimeZoneInfo customerZone)
    {
        var meetingDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(meeting, customerZone).DateTime);
        var local = meetingDay.AddDays(-1).ToDateTime(new TimeOnly(13, 0));
        return new DateTimeOffset(local, customerZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
