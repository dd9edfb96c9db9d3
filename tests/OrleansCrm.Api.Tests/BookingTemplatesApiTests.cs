using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;
using static OrleansCrm.Testing.TestValues;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The booking triggers fire the campaign's templates (on the simulated clock, counted at the SMTP sink): a booking
/// made sends the booking.made template instead of the built-in confirmation, the booking.reminder template falls due
/// at 13:00 the day before in the customer's zone and is re-checked then (a cancelled booking or a disabled template
/// sends nothing), and a reminder whose time had passed when the booking was made is never sent.
/// </summary>
public sealed class BookingTemplatesApiTests(AppointmentsApiFixture fixture) : IClassFixture<AppointmentsApiFixture>
{
    private const string Meeting = "meeting";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly object MeetingOutcome = new { code = Meeting, label = "Appointment booked", type = "T", color = "#00897B", quick = true };

    private readonly WorkflowApiFactory api = fixture.Api;
    private readonly CallDriver calls = new(fixture.Api.Admin());

    private HttpClient Admin => calls.Admin;

    [Fact]
    public async Task A_booking_sends_the_campaigns_booking_made_template_and_its_reminder_at_13_00_the_day_before_in_the_customers_zone_each_once()
    {
        var (campaign, closer, email) = await SetUpAsync();
        await PutTemplateAsync(campaign, "made", "booking.made", "Booked {$booking.id}", "Dear {$customer.name}, you meet {$agent.name} on {$booking.start} (Tokyo time).");
        await PutTemplateAsync(campaign, "remind", "booking.reminder", "Tomorrow {$booking.id}", "Template reminder: {$booking.start:time} with {$agent.name}.");
        var (bookingId, slot) = await BookAsync(campaign, closer, email, "Kenji Sato");

        var made = Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("Booked " + bookingId, StringComparison.Ordinal), 1, Timeout));
        Assert.Contains($"Dear Kenji Sato, you meet Closer {closer} on {TokyoClock(slot, "yyyy-MM-dd HH:mm")} (Tokyo time).", made.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{$", made.Text, StringComparison.Ordinal);
        var reminderAt = ReminderFor(slot, Tokyo);
        await calls.AdvanceToAsync(reminderAt.AddMinutes(-1));
        Assert.Empty(TemplateReminders(email));

        await calls.AdvanceToAsync(reminderAt);

        var reminder = Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && IsTemplateReminder(m), 1, Timeout));
        Assert.Contains($"Template reminder: {TokyoClock(slot, "HH:mm")} with Closer {closer}.", reminder.Text, StringComparison.Ordinal);
        await calls.AdvanceToAsync(slot.AddDays(1));
        Assert.Single(TemplateReminders(email));
        Assert.Single(api.Mail.MessagesTo(email), m => m.Text.Contains("Booked " + bookingId, StringComparison.Ordinal));
        Assert.DoesNotContain(api.Mail.MessagesTo(email), m => m.Text.Contains("Your appointment on", StringComparison.Ordinal) || m.Text.Contains("Reminder: your appointment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_booking_cancelled_before_its_reminder_sends_the_cancellation_template_and_never_the_reminder()
    {
        var (campaign, closer, email) = await SetUpAsync();
        await PutTemplateAsync(campaign, "remind", "booking.reminder", "Tomorrow {$booking.id}", "Template reminder: {$booking.start:time}.");
        await PutTemplateAsync(campaign, "gone", "booking.cancelled", "Cancelled {$booking.id}", "Dear {$customer.name}, the meeting of {$booking.start:date} is off.");
        var (bookingId, slot) = await BookAsync(campaign, closer, email, "Aiko Suzuki");

        var cancelled = await api.Agent().PostAsync($"/api/v1/bookings/{bookingId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var message = Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("Cancelled " + bookingId, StringComparison.Ordinal), 1, Timeout));
        Assert.Contains($"Dear Aiko Suzuki, the meeting of {TokyoClock(slot, "yyyy-MM-dd")} is off.", message.Text, StringComparison.Ordinal);
        await calls.AdvanceToAsync(slot.AddDays(1));
        Assert.Empty(TemplateReminders(email));
        Assert.Single(api.Mail.MessagesTo(email), m => m.Text.Contains("Cancelled " + bookingId, StringComparison.Ordinal));
        Assert.DoesNotContain(api.Mail.MessagesTo(email), m => m.Text.Contains("is cancelled", StringComparison.Ordinal) || m.Text.Contains("Reminder: your appointment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_template_disabled_before_it_falls_due_sends_nothing()
    {
        var (campaign, closer, email) = await SetUpAsync();
        await PutTemplateAsync(campaign, "remind", "booking.reminder", "Tomorrow {$booking.id}", "Template reminder: {$booking.start:time}.");
        var (_, slot) = await BookAsync(campaign, closer, email, "Haruto Ito");

        await PutTemplateAsync(campaign, "remind", "booking.reminder", "Tomorrow {$booking.id}", "Template reminder: {$booking.start:time}.", enabled: false);
        await calls.AdvanceToAsync(slot.AddDays(1));

        Assert.Empty(TemplateReminders(email));
        Assert.DoesNotContain(api.Mail.MessagesTo(email), m => m.Text.Contains("Reminder: your appointment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_whose_time_had_passed_when_the_booking_was_made_is_skipped_not_sent_at_once()
    {
        var (campaign, closer, email) = await SetUpAsync();
        await PutTemplateAsync(campaign, "remind", "booking.reminder", "Tomorrow {$booking.id}", "Template reminder: {$booking.start:time}.", reminderDaysBefore: 20);
        var (bookingId, slot) = await BookAsync(campaign, closer, email, "Emma Smith");

        await api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("Your appointment on", StringComparison.Ordinal), 1, Timeout);
        await calls.AdvanceToAsync(slot.AddDays(1));

        Assert.Empty(TemplateReminders(email));
        Assert.DoesNotContain(api.Mail.MessagesTo(email), m => m.Text.Contains("Reminder: your appointment", StringComparison.Ordinal));
        Assert.Equal("Booked", (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}")).GetProperty("status").GetString());
    }

    private async Task<(string Campaign, string Closer, string Email)> SetUpAsync()
    {
        var closer = "closer-" + Letters(8);
        var profile = await Admin.PutAsJsonAsync($"/api/v1/agents/{closer}", new
        {
            name = "Closer " + closer,
            email = NewEmail(),
            agenda = new { timeZone = "Europe/Rome", dayStart = "09:00", dayEnd = "17:00", slotMinutes = 30, workDays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" } },
        });
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        return (await calls.CreateCampaignAsync(outcomes: [MeetingOutcome]), closer, NewEmail());
    }

    private async Task PutTemplateAsync(string campaign, string id, string trigger, string subject, string body, bool enabled = true, int? reminderDaysBefore = null)
    {
        var response = await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/{id}", new
        {
            channel = "email",
            from = new { address = "meetings@example.com", name = "Meetings" },
            recipients = new[] { "customer.email" },
            subject,
            body,
            trigger = reminderDaysBefore is null ? (object)new { @event = trigger } : new { @event = trigger, reminderDaysBefore },
            enabled,
        });
        Assert.True(response.IsSuccessStatusCode, $"PUT template answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A lead of the campaign in Tokyo dialled and booked with the closer at least three days ahead.</summary>
    private async Task<(string BookingId, DateTimeOffset Slot)> BookAsync(string campaign, string closer, string email, string name)
    {
        await calls.AddLeadAsync(campaign, TestValues.Phone(), "Asia/Tokyo", name, email);
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
        return (confirmed.GetProperty("outcome").GetProperty("bookingId").GetString()!, slot);
    }

    private static string NewEmail() => $"{Letters(12)}@example.it";

    private static bool IsTemplateReminder(ReceivedEmail email) => email.Text.Contains("Template reminder:", StringComparison.Ordinal);

    private List<ReceivedEmail> TemplateReminders(string email) => api.Mail.MessagesTo(email).Where(IsTemplateReminder).ToList();

    private static string TokyoClock(DateTimeOffset instant, string format) => TimeZoneInfo.ConvertTime(instant, Tokyo).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>13:00 on the day before the meeting's day on the customer's wall clock.</summary>
    private static DateTimeOffset ReminderFor(DateTimeOffset meeting, TimeZoneInfo customerZone)
    {
        var meetingDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(meeting, customerZone).DateTime);
        var local = meetingDay.AddDays(-1).ToDateTime(new TimeOnly(13, 0));
        return new DateTimeOffset(local, customerZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
