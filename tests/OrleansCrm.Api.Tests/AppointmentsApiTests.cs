using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;
using static OrleansCrm.Testing.TestValues;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// Appointments through the api: agents' agendas, slots held by drafts, the T outcome booking a slot, the booking
/// confirmation, the reminder at 13:00 the day before in the customer's time zone, cancellation, and one booking per
/// slot under concurrent requests. One api (simulated clock, SMTP sink) for the class; tests only move its clock
/// forward and read "now" afresh, and each books in the agenda of an agent of its own.
/// </summary>
public sealed class AppointmentsApiTests(AppointmentsApiFixture fixture) : IClassFixture<AppointmentsApiFixture>
{
    private const string Meeting = "meeting";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly object MeetingOutcome = new { code = Meeting, label = "Appointment booked", type = "T", color = "#00897B", quick = true };

    private readonly WorkflowApiFactory api = fixture.Api;
    private readonly CallDriver calls = new(fixture.Api.Admin());

    private HttpClient Admin => calls.Admin;

    // ---------------------------------------------------------------- the agenda

    [Fact]
    public async Task PUT_agents_sets_the_agenda_whose_free_slots_follow_the_grid_in_the_agents_time_zone_on_work_days_only()
    {
        var closer = await CloserAsync(slotMinutes: 45, dayStart: "09:00", dayEnd: "12:00");

        var profile = await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/agents/{closer}");
        Assert.Equal("Europe/Rome", Str(profile.GetProperty("agenda"), "timeZone"));
        Assert.Equal(45, profile.GetProperty("agenda").GetProperty("slotMinutes").GetInt32());
        var day = WorkDayAfter(await calls.NowAsync(), 2);
        var slots = FreeSlots(await AgendaAsync(closer, RomeTime(day, 0, 0), RomeTime(day.AddDays(1), 0, 0)));
        Assert.Equal([RomeTime(day, 9, 0), RomeTime(day, 9, 45), RomeTime(day, 10, 30), RomeTime(day, 11, 15)], slots);
        var saturday = day.AddDays(((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7);
        Assert.Empty(FreeSlots(await AgendaAsync(closer, RomeTime(saturday, 0, 0), RomeTime(saturday.AddDays(2), 0, 0))));
        await (await Admin.PutAsJsonAsync($"/api/v1/agents/{closer}", new { name = "Closer", agenda = new { timeZone = "Mars/Olympus" } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Agent().PutAsJsonAsync($"/api/v1/agents/{closer}", new { name = "Me" })).StatusCode);
        await (await Admin.GetAsync($"/api/v1/agents/{closer}/agenda?from={Q(RomeTime(day, 0, 0))}&to={Q(RomeTime(day.AddDays(63), 0, 0))}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Off_grid_past_weekend_and_out_of_hours_slots_are_400_on_appointment_start()
    {
        var closer = await CloserAsync();
        var campaign = await TCampaignAsync();
        var callId = await DialNewLeadAsync(campaign, "agent-1");
        var now = await calls.NowAsync();
        var day = WorkDayAfter(now, 2);
        var saturday = day.AddDays(((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7);
        var lastWeek = WorkDayAfter(now, -7);

        foreach (var start in new[] { RomeTime(day, 10, 10), RomeTime(day, 8, 30), RomeTime(day, 17, 0), RomeTime(saturday, 10, 0), RomeTime(lastWeek, 10, 0) })
        {
            var problem = await (await calls.DraftAsync(callId, new { appointment = new { agentId = closer, start } })).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.Errors!.ContainsKey("appointment.start"), $"{start:O}: {string.Join(", ", problem.Errors.Keys)}");
        }

        var call = await calls.CallAsync(callId);
        Assert.Equal(JsonValueKind.Null, call.GetProperty("draft").GetProperty("appointment").ValueKind);
        var problemOnOutcome = await (await calls.OutcomeAsync(callId, new { code = Meeting })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("draft.appointment", problemOnOutcome.Errors!.Keys);
    }

    // ---------------------------------------------------------------- holds and bookings

    [Fact]
    public async Task A_draft_with_an_appointment_holds_the_slot_another_calls_draft_on_it_is_409_until_the_holder_ends_without_booking()
    {
        var closer = await CloserAsync();
        var campaign = await TCampaignAsync();
        var first = await DialNewLeadAsync(campaign, "agent-1");
        var second = await DialNewLeadAsync(campaign, "agent-2");
        var slot = await SlotAsync(closer);

        await DraftOkAsync(first, new { notes = "Wants a demo", appointment = new { agentId = closer, start = slot } });

        Assert.DoesNotContain(slot, FreeSlots(await AgendaAsync(closer, slot.AddHours(-1), slot.AddHours(1))));
        await (await calls.DraftAsync(second, new { appointment = new { agentId = closer, start = slot } })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(JsonValueKind.Null, (await calls.CallAsync(second)).GetProperty("draft").GetProperty("appointment").ValueKind);
        await DraftOkAsync(first, new { notes = "Wants a demo", appointment = new { agentId = closer, start = slot } });

        await calls.ConfirmOkAsync(first, new { code = "completed", comment = "Changed their mind" });

        Assert.Contains(slot, FreeSlots(await AgendaAsync(closer, slot.AddHours(-1), slot.AddHours(1))));
        await DraftOkAsync(second, new { appointment = new { agentId = closer, start = slot } });
        Assert.Empty((await AgendaAsync(closer, slot.AddHours(-1), slot.AddHours(1))).GetProperty("bookings").EnumerateArray());
    }

    [Fact]
    public async Task The_T_outcome_books_the_held_slot_the_call_shows_the_booking_id_the_agenda_shows_the_booking_and_the_customer_gets_a_confirmation()
    {
        var closer = await CloserAsync();
        var campaign = await TCampaignAsync();
        var email = NewEmail();
        var callId = await DialNewLeadAsync(campaign, "agent-1", email, "Asia/Tokyo", "Kenji Sato");
        var slot = await SlotAsync(closer);
        await DraftOkAsync(callId, new { notes = "Demo of the cream", appointment = new { agentId = closer, start = slot } });

        var confirmed = await calls.ConfirmOkAsync(callId, new { code = Meeting, comment = "Booked a demo" });

        var bookingId = Str(confirmed.GetProperty("outcome"), "bookingId");
        Assert.Equal("T", Str(confirmed.GetProperty("outcome"), "type"));
        var agenda = await AgendaAsync(closer, slot.AddHours(-2), slot.AddHours(2));
        var booking = Assert.Single(agenda.GetProperty("bookings").EnumerateArray());
        Assert.Equal(bookingId, Str(booking, "id"));
        Assert.Equal(slot, booking.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(slot.AddMinutes(30), booking.GetProperty("end").GetDateTimeOffset());
        Assert.Equal("Booked", Str(booking, "status"));
        Assert.Equal(callId, Str(booking, "callId"));
        Assert.Equal("Asia/Tokyo", Str(booking, "customerTimeZone"));
        Assert.DoesNotContain(slot, FreeSlots(agenda));
        Assert.Contains(slot.AddMinutes(30), FreeSlots(agenda));
        var fetched = await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}");
        Assert.Equal(closer, Str(fetched, "agentId"));
        var confirmation = await api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("Your appointment on", StringComparison.Ordinal), 1, Timeout);
        var text = Assert.Single(confirmation).Text;
        Assert.Contains(bookingId, text, StringComparison.Ordinal);
        Assert.Contains(TokyoClock(slot), text, StringComparison.Ordinal);
        var other = await DialNewLeadAsync(campaign, "agent-2");
        await (await calls.DraftAsync(other, new { appointment = new { agentId = closer, start = slot } })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_appointment_without_agentId_is_held_and_booked_in_the_calling_agents_own_agenda()
    {
        var caller = await CloserAsync();
        var campaign = await TCampaignAsync();
        var callId = await DialNewLeadAsync(campaign, caller);
        var slot = await SlotAsync(caller);

        await DraftOkAsync(callId, new { appointment = new { start = slot } });
        Assert.DoesNotContain(slot, FreeSlots(await AgendaAsync(caller, slot.AddHours(-1), slot.AddHours(1))));
        var bookingId = Str((await calls.ConfirmOkAsync(callId, new { code = Meeting })).GetProperty("outcome"), "bookingId");

        var booking = Assert.Single((await AgendaAsync(caller, slot.AddHours(-1), slot.AddHours(1))).GetProperty("bookings").EnumerateArray());
        Assert.Equal(bookingId, Str(booking, "id"));
        Assert.Equal(caller, Str(booking, "agentId"));
    }

    [Fact]
    public async Task The_booking_reminder_arrives_at_13_00_the_day_before_the_meeting_in_the_customers_time_zone_not_the_agents()
    {
        var closer = await CloserAsync();
        var campaign = await TCampaignAsync();
        var email = NewEmail();
        var callId = await DialNewLeadAsync(campaign, "agent-1", email, "Asia/Tokyo", "Yuki Tanaka");
        var slot = await SlotAsync(closer, preferTokyoNextDay: true);
        await DraftOkAsync(callId, new { appointment = new { agentId = closer, start = slot } });
        var bookingId = Str((await calls.ConfirmOkAsync(callId, new { code = Meeting })).GetProperty("outcome"), "bookingId");
        var reminderAt = ReminderFor(slot, Tokyo);
        Assert.Equal(reminderAt, (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}")).GetProperty("reminderAt").GetDateTimeOffset());

        await calls.AdvanceToAsync(reminderAt.AddMinutes(-1));
        Assert.Empty(Reminders(email));

        await calls.AdvanceToAsync(reminderAt);
        var reminder = Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && IsReminder(m), 1, Timeout));
        Assert.Contains(bookingId, reminder.Text, StringComparison.Ordinal);
        await calls.AdvanceToAsync(slot.AddDays(1));
        Assert.Single(Reminders(email));
    }

    [Fact]
    public async Task A_day_with_more_meetings_than_one_turn_settles_reminds_every_customer_once_at_13_00_the_day_before()
    {
        var meetings = 25 * 2 + 7; // more than two turns' share (the agent grain's RemindersPerTurn)
        var closer = await CloserAsync(slotMinutes: 10, dayStart: "08:00", dayEnd: "18:00");
        var campaign = await TCampaignAsync();
        var day = WorkDayAfter(await calls.NowAsync(), 3);
        var emails = new List<string>();
        for (var i = 0; i < meetings; i++)
        {
            var email = NewEmail();
            var callId = await DialNewLeadAsync(campaign, "agent-1", email, "Europe/Rome", "Customer " + i);
            await DraftOkAsync(callId, new { appointment = new { agentId = closer, start = RomeTime(day, 8, 0).AddMinutes(10 * i) } });
            await calls.ConfirmOkAsync(callId, new { code = Meeting });
            emails.Add(email);
        }

        await calls.AdvanceToAsync(ReminderFor(RomeTime(day, 8, 0), Rome));

        var reminded = await api.Mail.WaitForMessagesAsync(m => emails.Any(m.IsTo) && IsReminder(m), meetings, Timeout);
        await calls.AdvanceToAsync(RomeTime(day, 8, 0).AddDays(1));
        Assert.All(emails, email => Assert.Single(Reminders(email)));
        Assert.Equal(meetings, reminded.Count);
    }

    [Fact]
    public async Task Each_booking_of_one_agenda_is_reminded_at_13_00_the_day_before_on_its_own_customers_clock()
    {
        var closer = await CloserAsync();
        var campaign = await TCampaignAsync();
        var (tokyoEmail, newYorkEmail) = (NewEmail(), NewEmail());
        var tokyoCall = await DialNewLeadAsync(campaign, "agent-1", tokyoEmail, "Asia/Tokyo", "Haruto Ito");
        var newYorkCall = await DialNewLeadAsync(campaign, "agent-2", newYorkEmail, "America/New_York", "Emma Smith");
        var day = WorkDayAfter(await calls.NowAsync(), 3);
        var (tokyoSlot, newYorkSlot) = (RomeTime(day, 16, 30), RomeTime(day, 16, 0));
        await DraftOkAsync(tokyoCall, new { appointment = new { agentId = closer, start = tokyoSlot } });
        await DraftOkAsync(newYorkCall, new { appointment = new { agentId = closer, start = newYorkSlot } });
        await calls.ConfirmOkAsync(tokyoCall, new { code = Meeting });
        await calls.ConfirmOkAsync(newYorkCall, new { code = Meeting });
        var tokyoReminder = ReminderFor(tokyoSlot, Tokyo);
        var newYorkReminder = ReminderFor(newYorkSlot, NewYork);
        var (first, second) = tokyoReminder < newYorkReminder ? (tokyoEmail, newYorkEmail) : (newYorkEmail, tokyoEmail);
        Assert.NotEqual(tokyoReminder, newYorkReminder);

        await calls.AdvanceToAsync(Min(tokyoReminder, newYorkReminder));
        Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(first) && IsReminder(m), 1, Timeout));
        Assert.Empty(Reminders(second));
        await calls.AdvanceToAsync(Max(tokyoReminder, newYorkReminder).AddMinutes(-1));
        Assert.Empty(Reminders(second));
        await calls.AdvanceToAsync(Max(tokyoReminder, newYorkReminder));

        Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(second) && IsReminder(m), 1, Timeout));
        Assert.Single(Reminders(first));
    }

    [Fact]
    public async Task Cancelling_a_booking_frees_the_slot_sends_the_cancellation_never_the_reminder_and_cancelling_again_is_409()
    {
        var closer = await CloserAsync();
        var campaign = await TCampaignAsync();
        var email = NewEmail();
        var callId = await DialNewLeadAsync(campaign, "agent-1", email, "Asia/Tokyo", "Aiko Suzuki");
        var slot = await SlotAsync(closer);
        await DraftOkAsync(callId, new { appointment = new { agentId = closer, start = slot } });
        var bookingId = Str((await calls.ConfirmOkAsync(callId, new { code = Meeting })).GetProperty("outcome"), "bookingId");

        var cancelled = await api.Agent().PostAsync($"/api/v1/bookings/{bookingId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", Str(await cancelled.Content.ReadFromJsonAsync<JsonElement>(), "status"));
        await api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("is cancelled", StringComparison.Ordinal), 1, Timeout);
        await (await Admin.PostAsync($"/api/v1/bookings/{bookingId}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        var agenda = await AgendaAsync(closer, slot.AddHours(-1), slot.AddHours(1));
        Assert.Contains(slot, FreeSlots(agenda));
        Assert.Equal("Cancelled", Str(Assert.Single(agenda.GetProperty("bookings").EnumerateArray()), "status"));

        await calls.AdvanceToAsync(slot.AddDays(1));

        Assert.Empty(Reminders(email));
        await (await Admin.PostAsync($"/api/v1/bookings/bk-{closer}-nosuch-x/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_slot_freed_by_a_cancellation_can_be_booked_again_by_another_call()
    {
        var closer = await CloserAsync();
        var campaign = await TCampaignAsync();
        var first = await DialNewLeadAsync(campaign, "agent-1");
        var slot = await SlotAsync(closer);
        await DraftOkAsync(first, new { appointment = new { agentId = closer, start = slot } });
        var firstBooking = Str((await calls.ConfirmOkAsync(first, new { code = Meeting })).GetProperty("outcome"), "bookingId");
        (await Admin.PostAsync($"/api/v1/bookings/{firstBooking}/cancel", null)).EnsureSuccessStatusCode();

        var second = await DialNewLeadAsync(campaign, "agent-2");
        await DraftOkAsync(second, new { appointment = new { agentId = closer, start = slot } });
        var secondBooking = Str((await calls.ConfirmOkAsync(second, new { code = Meeting })).GetProperty("outcome"), "bookingId");

        Assert.NotEqual(firstBooking, secondBooking);
        var bookings = (await AgendaAsync(closer, slot.AddHours(-1), slot.AddHours(1))).GetProperty("bookings").EnumerateArray()
            .Select(b => $"{Str(b, "id")}:{Str(b, "status")}").Order(StringComparer.Ordinal);
        Assert.Equal(new[] { $"{firstBooking}:Cancelled", $"{secondBooking}:Booked" }.Order(StringComparer.Ordinal), bookings);
    }

    [Fact]
    public async Task A_booking_in_the_agenda_of_an_agent_with_a_long_id_can_be_read_and_cancelled_by_its_id()
    {
        var closer = await CloserAsync(agentId: "closer-" + Letters(32) + Letters(16));
        var campaign = await TCampaignAsync();
        var callId = await DialNewLeadAsync(campaign, "agent-1");
        var slot = await SlotAsync(closer);
        await DraftOkAsync(callId, new { appointment = new { agentId = closer, start = slot } });
        var bookingId = Str((await calls.ConfirmOkAsync(callId, new { code = Meeting })).GetProperty("outcome"), "bookingId");

        var fetched = await Admin.GetAsync($"/api/v1/bookings/{bookingId}");
        var cancelled = await Admin.PostAsync($"/api/v1/bookings/{bookingId}/cancel", null);

        Assert.True(fetched.StatusCode == HttpStatusCode.OK, $"GET booking {bookingId} answered {(int)fetched.StatusCode}: {await fetched.Content.ReadAsStringAsync()}");
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, $"cancelling booking {bookingId} answered {(int)cancelled.StatusCode}: {await cancelled.Content.ReadAsStringAsync()}");
    }

    // ---------------------------------------------------------------- one booking per slot under concurrency

    [Fact]
    public async Task Two_agents_drafting_and_confirming_one_slot_at_once_get_one_booking_the_other_draft_is_409()
    {
        var closer = await CloserAsync();
        var campaign = await TCampaignAsync();
        await calls.AddLeadAsync(campaign, TestValues.Phone(), email: NewEmail());
        await calls.AddLeadAsync(campaign, TestValues.Phone(), email: NewEmail());
        var agent1 = api.Agent();
        var agent2 = api.Agent2();
        var callIds = await Task.WhenAll(AgentDialAsync(agent1, campaign), AgentDialAsync(agent2, campaign));
        var clients = new[] { agent1, agent2 };
        var slot = await SlotAsync(closer);

        // The same instant, once in UTC and once on Rome's wall clock.
        var starts = new[] { slot.ToUniversalTime(), TimeZoneInfo.ConvertTime(slot, Rome) };
        var drafts = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            clients[i].PutAsJsonAsync($"/api/v1/calls/{callIds[i]}/draft", new { appointment = new { agentId = closer, start = starts[i] } })));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], drafts.Select(r => r.StatusCode).Order());
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            clients[i].PostAsJsonAsync($"/api/v1/calls/{callIds[i]}/outcome", new { code = Meeting })));

        var winner = Array.FindIndex(drafts, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, outcomes[winner].StatusCode);
        Assert.True(outcomes[1 - winner].StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"the loser's outcome answered {outcomes[1 - winner].StatusCode}");
        var booking = Assert.Single((await AgendaAsync(closer, slot.AddHours(-1), slot.AddHours(1))).GetProperty("bookings").EnumerateArray());
        Assert.Equal(callIds[winner], Str(booking, "callId"));
        Assert.Equal("Open", Str(await calls.CallAsync(callIds[1 - winner]), "status"));
    }

    [Fact]
    public async Task Ten_calls_drafting_one_slot_at_once_one_holds_it_nine_get_409_and_the_slot_is_booked_once()
    {
        var closer = await CloserAsync();
        var campaign = await TCampaignAsync();
        var callIds = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            callIds.Add(await DialNewLeadAsync(campaign, "agent-" + Letters(6)));
        }

        var slot = await SlotAsync(closer);

        var drafts = await Task.WhenAll(callIds.Select(id => calls.DraftAsync(id, new { appointment = new { agentId = closer, start = slot } })));
        var outcomes = await Task.WhenAll(callIds.Select(id => calls.OutcomeAsync(id, new { code = Meeting })));

        Assert.Equal(1, drafts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, drafts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, outcomes.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Single((await AgendaAsync(closer, slot.AddHours(-1), slot.AddHours(1))).GetProperty("bookings").EnumerateArray());
    }

    [Fact]
    public async Task Two_concurrent_T_outcomes_on_one_call_book_once_and_the_second_is_409()
    {
        var closer = await CloserAsync();
        var campaign = await TCampaignAsync();
        var email = NewEmail();
        var callId = await DialNewLeadAsync(campaign, "agent-1", email);
        var slot = await SlotAsync(closer);
        await DraftOkAsync(callId, new { appointment = new { agentId = closer, start = slot } });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => calls.OutcomeAsync(callId, new { code = Meeting })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], outcomes.Select(r => r.StatusCode).Order());
        Assert.Single((await AgendaAsync(closer, slot.AddHours(-1), slot.AddHours(1))).GetProperty("bookings").EnumerateArray());
        await api.Mail.WaitForMessagesAsync(m => m.IsTo(email) && m.Text.Contains("Your appointment on", StringComparison.Ordinal), 1, Timeout);
        Assert.Single(api.Mail.MessagesTo(email), m => m.Text.Contains("Your appointment on", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- helpers

    private static string Str(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static string NewEmail() => $"{Letters(12)}@example.it";

    private static string Q(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));

    private static bool IsReminder(ReceivedEmail email) => email.Text.Contains("Reminder: your appointment", StringComparison.Ordinal);

    private static DateTimeOffset RomeTime(DateOnly date, int hour, int minute)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Rome.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The first Monday-to-Friday date in Rome at least <paramref name="days"/> days after (or before) <paramref name="now"/>.</summary>
    private static DateOnly WorkDayAfter(DateTimeOffset now, int days)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Rome).DateTime).AddDays(days);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>13:00 on the day before the meeting's day on the customer's wall clock.</summary>
    private static DateTimeOffset ReminderFor(DateTimeOffset meeting, TimeZoneInfo customerZone)
    {
        var meetingDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(meeting, customerZone).DateTime);
        var local = meetingDay.AddDays(-1).ToDateTime(new TimeOnly(13, 0));
        return new DateTimeOffset(local, customerZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string TokyoClock(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Tokyo).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static List<DateTimeOffset> FreeSlots(JsonElement agenda) =>
        agenda.GetProperty("freeSlots").EnumerateArray().Select(s => s.GetDateTimeOffset()).ToList();

    private List<ReceivedEmail> Reminders(string email) => api.Mail.MessagesTo(email).Where(IsReminder).ToList();

    /// <summary>An agent of this test with an agenda on Rome's wall clock, Monday to Friday.</summary>
    private async Task<string> CloserAsync(int slotMinutes = 30, string dayStart = "09:00", string dayEnd = "17:00", string? agentId = null)
    {
        agentId ??= "closer-" + Letters(8);
        var response = await Admin.PutAsJsonAsync($"/api/v1/agents/{agentId}", new
        {
            name = "Closer " + agentId,
            email = NewEmail(),
            agenda = new { timeZone = "Europe/Rome", dayStart, dayEnd, slotMinutes, workDays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT agent answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return agentId;
    }

    private async Task<JsonElement> AgendaAsync(string agentId, DateTimeOffset from, DateTimeOffset to)
    {
        var response = await Admin.GetAsync($"/api/v1/agents/{agentId}/agenda?from={Q(from)}&to={Q(to)}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the agenda answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// A free slot of the agent at least three days ahead (so its reminder is still to come). With
    /// <paramref name="preferTokyoNextDay"/>, one whose Tokyo date is the day after its Rome date when there is one,
    /// so a reminder computed on the agent's clock would fall on another day.
    /// </summary>
    private async Task<DateTimeOffset> SlotAsync(string agentId, bool preferTokyoNextDay = false)
    {
        var day = WorkDayAfter(await calls.NowAsync(), 3);
        var free = FreeSlots(await AgendaAsync(agentId, RomeTime(day, 0, 0), RomeTime(day.AddDays(1), 0, 0)));
        Assert.NotEmpty(free);
        return preferTokyoNextDay
            ? free.LastOrDefault(s => TimeZoneInfo.ConvertTime(s, Tokyo).Day != TimeZoneInfo.ConvertTime(s, Rome).Day, free[^1])
            : free[0];
    }

    private Task<string> TCampaignAsync() => calls.CreateCampaignAsync(outcomes: [MeetingOutcome]);

    private async Task<string> DialNewLeadAsync(string campaignId, string agentId, string? email = null, string? timeZone = null, string? name = null)
    {
        await calls.AddLeadAsync(campaignId, TestValues.Phone(), timeZone, name, email ?? NewEmail());
        return (await calls.DialAsync(campaignId, agentId) ?? throw new InvalidOperationException($"Nothing to dial in campaign {campaignId}.")).CallId;
    }

    /// <summary>dialer/next and the call on its lease, with an agent's own key.</summary>
    private static async Task<string> AgentDialAsync(HttpClient agent, string campaignId)
    {
        var next = await agent.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/dialer/next", new { });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var handOut = await next.Content.ReadFromJsonAsync<JsonElement>();
        var started = await agent.PostAsJsonAsync("/api/v1/calls", new { campaignId, leaseId = Str(handOut, "leaseId") });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return Str(await started.Content.ReadFromJsonAsync<JsonElement>(), "id");
    }

    private async Task DraftOkAsync(string callId, object draft)
    {
        var response = await calls.DraftAsync(callId, draft);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the draft answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

}

public sealed class AppointmentsApiFixture : IAsyncDisposable
{
    public WorkflowApiFactory Api { get; } = new();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
