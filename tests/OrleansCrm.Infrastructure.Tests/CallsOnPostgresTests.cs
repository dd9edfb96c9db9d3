using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OrleansCrm.Contracts;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// Calls on the PostgreSQL profile: the dialer story across a restart (the queue rebuilt from <c>crm_contacts</c>),
/// the booking story with its confirmation and reminder, recordings in <c>crm_call_recordings</c>, and one booking per slot.
/// </summary>
public sealed class CallsOnPostgresTests : IAsyncLifetime
{
    private const string Anna = "agent-anna";
    private const string Bruno = "agent-bruno";
    private const string Carla = "agent-carla";
    private const string Dora = "agent-dora";
    private const string SaleColor = "#00897B";

    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);

    private static readonly object Sale = new { code = "sale", label = "Sale", type = "N", color = SaleColor };
    private static readonly object Meeting = new { code = "meeting", label = "Meeting booked", type = "T", color = "#00838F" };

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("calls");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task The_dialer_story_on_PostgreSQL_continues_exactly_after_a_restart_rebuilds_the_queue_from_the_contact_index()
    {
        var log = new CallLog();
        var noContacts = new HashSet<string>();
        var callbacks = new Dictionary<string, HashSet<string>> { [Anna] = [], [Bruno] = [], [Carla] = [] };
        string[] agents = [Anna, Bruno, Carla];
        string campaign;
        DateTimeOffset t0;
        DateTimeOffset stoppedAt;

        await using (var first = new WorkflowApiFactory(database.ConnectionString))
        {
            var driver = new CallDriver(first.Admin());
            t0 = new DateTimeOffset((await driver.NowAsync()).UtcDateTime.Date.AddDays(1).AddHours(10), TimeSpan.Zero);
            await driver.AdvanceToAsync(t0);
            campaign = await driver.CreateCampaignAsync(outcomes: [Sale]);

            var json = await driver.ImportAsync(campaign, [.. Enumerable.Range(0, 200).Select(JsonLead)]);
            json.EnsureSuccessStatusCode();
            Assert.Equal(200, (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
            var csv = await ImportCsvAsync(driver.Admin, campaign, CsvLeads(20));
            csv.EnsureSuccessStatusCode();
            Assert.Equal(20, (await csv.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
            AssertStats(await driver.StatsAsync(campaign), due: 220, scheduled: 0, done: 0);

            // 10:00: thirty fresh leads, by three agents in turn: no contact, a sale or a private callback at 13:00.
            for (var i = 0; i < 30; i++)
            {
                var agent = agents[i % 3];
                var (callId, contactId) = await DialAsync(driver, campaign, agent, "New", log);
                switch (i / 3 % 3)
                {
                    case 0:
                        await ConfirmAsync(driver, callId, agent, contactId, NoContact(), log);
                        noContacts.Add(contactId);
                        break;
                    case 1:
                        await ConfirmAsync(driver, callId, agent, contactId, SaleOutcome(), log);
                        break;
                    default:
                        await ConfirmAsync(driver, callId, agent, contactId, PrivateCallback(t0.AddHours(3)), log);
                        callbacks[agent].Add(contactId);
                        break;
                }
            }

            AssertStats(await driver.StatsAsync(campaign), due: 190, scheduled: 21, done: 9);
            Assert.Equal(12, await CountAsync($"SELECT count(*) FROM crm_contacts WHERE campaign_id = '{campaign}' AND stage = 'Retry' AND due_at = '{Sql(t0.AddHours(1))}'"));
            Assert.Equal(9, await CountAsync($"SELECT count(*) FROM crm_contacts WHERE campaign_id = '{campaign}' AND stage = 'Callback' AND callback_owner IS NOT NULL"));

            // 11:00: the no-contacts are due one hour after their calls and come before fresh leads; no contact again.
            await driver.AdvanceToAsync(t0.AddHours(1));
            var retried = new HashSet<string>();
            for (var i = 0; i < 12; i++)
            {
                var agent = agents[i % 3];
                var (callId, contactId) = await DialAsync(driver, campaign, agent, "Retry", log);
                await ConfirmAsync(driver, callId, agent, contactId, NoContact(), log);
                retried.Add(contactId);
            }

            Assert.True(noContacts.SetEquals(retried));
            var (freshCall, freshContact) = await DialAsync(driver, campaign, Anna, "New", log);
            await ConfirmAsync(driver, freshCall, Anna, freshContact, SaleOutcome(), log);

            // 13:00: Anna's own private callbacks come to her first.
            await driver.AdvanceToAsync(t0.AddHours(3));
            for (var i = 0; i < 3; i++)
            {
                var (callId, contactId) = await DialAsync(driver, campaign, Anna, "PrivateCallback", log);
                Assert.Contains(contactId, callbacks[Anna]);
                await ConfirmAsync(driver, callId, Anna, contactId, SaleOutcome(), log);
            }

            stoppedAt = t0.AddHours(3).AddMinutes(10);
            await driver.AdvanceToAsync(stoppedAt);
            AssertStats(await driver.StatsAsync(campaign), due: 195, scheduled: 12, done: 13);
        }

        await using var second = new WorkflowApiFactory(database.ConnectionString);
        var again = new CallDriver(second.Admin());
        await again.AdvanceToAsync(stoppedAt);

        // The new dialer starts from crm_contacts: the same counts, done contacts still done.
        AssertStats(await again.StatsAsync(campaign), due: 195, scheduled: 12, done: 13);

        // Bruno's private callbacks are still his.
        for (var i = 0; i < 3; i++)
        {
            var (callId, contactId) = await DialAsync(again, campaign, Bruno, "PrivateCallback", log);
            Assert.Contains(contactId, callbacks[Bruno]);
            await ConfirmAsync(again, callId, Bruno, contactId, SaleOutcome(), log);
        }

        // Carla's stay hers until 30 minutes overdue: Anna gets a fresh lead at 13:10 and Carla's callbacks at 13:30.
        var (annaCall, annaContact) = await DialAsync(again, campaign, Anna, "New", log);
        Assert.DoesNotContain(annaContact, callbacks[Carla]);
        await ConfirmAsync(again, annaCall, Anna, annaContact, NoContact(), log);
        await again.AdvanceToAsync(t0.AddHours(3).AddMinutes(30));
        for (var i = 0; i < 3; i++)
        {
            var (callId, contactId) = await DialAsync(again, campaign, Anna, "Callback", log);
            Assert.Contains(contactId, callbacks[Carla]);
            await ConfirmAsync(again, callId, Anna, contactId, SaleOutcome(), log);
        }

        // 14:10: the no-contact of 13:10 is back one hour after its call; no contact again.
        await again.AdvanceToAsync(stoppedAt.AddHours(1));
        var (retryCall, retryContact) = await DialAsync(again, campaign, Bruno, "Retry", log);
        Assert.Equal(annaContact, retryContact);
        await ConfirmAsync(again, retryCall, Bruno, retryContact, NoContact(), log);

        // The second no-contacts of 11:00 come back 24 hours after those calls, not a minute sooner.
        await again.AdvanceToAsync(t0.AddHours(25).AddMinutes(-1));
        AssertStats(await again.StatsAsync(campaign), due: 188, scheduled: 13, done: 19);
        await again.AdvanceToAsync(t0.AddHours(25));
        AssertStats(await again.StatsAsync(campaign), due: 200, scheduled: 1, done: 19);
        var backAgain = new HashSet<string>();
        for (var i = 0; i < 12; i++)
        {
            var (callId, contactId) = await DialAsync(again, campaign, Carla, "Retry", log);
            backAgain.Add(contactId);
            await ConfirmAsync(again, callId, Carla, contactId, i % 2 == 0 ? SaleOutcome() : NoContact(), log);
        }

        Assert.True(noContacts.SetEquals(backAgain));
        AssertStats(await again.StatsAsync(campaign), due: 188, scheduled: 7, done: 25);

        // The contact index and the call index say the same, row by row.
        var contacts = $"SELECT count(*) FROM crm_contacts WHERE campaign_id = '{campaign}'";
        Assert.Equal(220, await CountAsync(contacts));
        Assert.Equal(25, await CountAsync(contacts + " AND stage = 'Done'"));
        Assert.Equal(188, await CountAsync(contacts + " AND stage = 'Fresh'"));
        Assert.Equal(0, await CountAsync(contacts + " AND stage = 'Callback'"));
        Assert.Equal(6, await CountAsync(contacts + $" AND stage = 'Retry' AND due_at = '{Sql(t0.AddHours(49))}'"));
        Assert.Equal(1, await CountAsync(contacts + $" AND stage = 'Retry' AND due_at = '{Sql(stoppedAt.AddHours(25))}'"));
        Assert.Equal(20, await CountAsync(contacts + " AND contact_id LIKE 'csv-%' AND time_zone = 'Europe/Rome'"));

        var calls = $"SELECT count(*) FROM crm_calls WHERE campaign_id = '{campaign}'";
        Assert.Equal(log.Confirmed, await CountAsync(calls));
        Assert.Equal(log.Confirmed, await CountAsync(calls + " AND status = 'Confirmed'"));
        foreach (var code in new[] { "no-contact", "sale", "callback" })
        {
            Assert.Equal(log.CountOf(code), await CountAsync(calls + $" AND outcome_code = '{code}'"));
        }

        var report = await again.Admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/reports/outcomes?from={Query(t0)}&to={Query(t0.AddDays(3))}&campaignId={campaign}");
        var reported = new Dictionary<(string Agent, string Code), int>();
        foreach (var row in report.GetProperty("agents").EnumerateArray())
        {
            var agent = row.GetProperty("agentId").GetString()!;
            Assert.Equal(log.Outcomes.Where(o => o.Key.Agent == agent).Sum(o => o.Value), row.GetProperty("total").GetInt32());
            foreach (var outcome in row.GetProperty("outcomes").EnumerateArray())
            {
                var code = outcome.GetProperty("code").GetString()!;
                reported[(agent, code)] = outcome.GetProperty("count").GetInt32();
                if (code == "sale")
                {
                    Assert.Equal(SaleColor, outcome.GetProperty("color").GetString());
                }
            }
        }

        Assert.Equal(log.Outcomes.OrderBy(o => o.Key).ToList(), reported.OrderBy(o => o.Key).ToList());
    }

    [Fact]
    public async Task On_PostgreSQL_fresh_leads_keep_their_import_order_after_the_dialer_reactivates()
    {
        // Two imports at one instant, with ids that sort against the import order: neither the key order, the order
        // the rows were written in, nor the import time gives the import order back; only the stored sequence does.
        var leads = Enumerable.Range(0, 40).Select(i => new { id = $"in-order-{99 - i:D2}", name = $"Lead {i}", phone = $"+3906300{i:D5}" }).ToArray();
        var expected = leads.Select(l => l.id).ToList();
        string campaign;
        DateTimeOffset t0;

        await using (var first = new WorkflowApiFactory(database.ConnectionString))
        {
            var driver = new CallDriver(first.Admin());
            await driver.AlignToMorningAsync();
            t0 = await driver.NowAsync();
            campaign = await driver.CreateCampaignAsync();
            (await driver.ImportAsync(campaign, leads[..20])).EnsureSuccessStatusCode();
            (await driver.ImportAsync(campaign, leads[20..])).EnsureSuccessStatusCode();
            Assert.Equal(40, await CountAsync($"SELECT count(DISTINCT import_sequence) FROM crm_contacts WHERE campaign_id = '{campaign}'"));
        }

        await using var second = new WorkflowApiFactory(database.ConnectionString);
        var again = new CallDriver(second.Admin());
        await again.AdvanceToAsync(t0);

        // One agent asks again and again: each hand-out is leased, so the next one is the next lead in line.
        var handedOut = new List<string>();
        for (var i = 0; i < leads.Length; i++)
        {
            handedOut.Add((await again.NextOrFailAsync(campaign, Anna)).GetProperty("contact").GetProperty("id").GetString()!);
        }

        Assert.Equal(expected, handedOut);
        Assert.Null(await again.NextAsync(campaign, Anna));
    }

    [Fact]
    public async Task On_PostgreSQL_a_restart_keeps_the_leases_handed_out_and_the_call_started_on_one_and_hands_out_the_rest_in_import_order()
    {
        var leads = Enumerable.Range(0, 6).Select(i => new { id = $"held-{i}", name = $"Lead {i}", phone = $"+3906310{i:D5}" }).ToArray();
        string campaign;
        JsonElement annHolds;
        DateTimeOffset t0;

        await using (var first = new WorkflowApiFactory(database.ConnectionString))
        {
            var driver = new CallDriver(first.Admin());
            await driver.AlignToMorningAsync();
            t0 = await driver.NowAsync();
            campaign = await driver.CreateCampaignAsync(outcomes: [Sale]);
            (await driver.ImportAsync(campaign, leads)).EnsureSuccessStatusCode();
            annHolds = await driver.NextOrFailAsync(campaign, Anna);
            var brunoCall = await driver.StartOnLeaseAsync(campaign, await driver.NextOrFailAsync(campaign, Bruno));
            Assert.Equal(2, await CountAsync($"SELECT count(*) FROM crm_dialer_leases WHERE campaign_id = '{campaign}'"));
            Assert.Equal(1, await CountAsync($"SELECT count(*) FROM crm_dialer_leases WHERE campaign_id = '{campaign}' AND call_id = '{brunoCall}' AND contact_id = 'held-1'"));
        }

        await using var second = new WorkflowApiFactory(database.ConnectionString);
        var again = new CallDriver(second.Admin());
        await again.AdvanceToAsync(t0);

        var stats = await again.StatsAsync(campaign);
        Assert.Equal((4, 2), (stats.GetProperty("due").GetInt32(), stats.GetProperty("leased").GetInt32()));
        Assert.Equal("held-2", (await again.NextOrFailAsync(campaign, Carla)).GetProperty("contact").GetProperty("id").GetString());

        // Anna's lease still holds her contact: her call starts on it. The contact of Bruno's call stays held for the call's time
        // (an open call itself is kept in memory until it ends: the restart lost it, so its hold runs out at the call's timeout).
        var annCall = await again.StartOnLeaseAsync(campaign, annHolds);
        Assert.Equal("held-0", (await again.CallAsync(annCall)).GetProperty("contactId").GetString());
        Assert.Equal(
            ["held-3", "held-4", "held-5"],
            [
                (await again.NextOrFailAsync(campaign, Dora)).GetProperty("contact").GetProperty("id").GetString(),
                (await again.NextOrFailAsync(campaign, Dora)).GetProperty("contact").GetProperty("id").GetString(),
                (await again.NextOrFailAsync(campaign, Dora)).GetProperty("contact").GetProperty("id").GetString(),
            ]);
        Assert.Null(await again.NextAsync(campaign, Dora));
    }

    [Fact]
    public async Task On_PostgreSQL_a_booking_is_confirmed_by_email_reminded_once_at_13_00_the_day_before_in_the_customer_zone_and_a_cancelled_one_never()
    {
        await using var api = new WorkflowApiFactory(database.ConnectionString);
        var driver = new CallDriver(api.Admin());
        await PutAgendaAsync(driver.Admin, Dora);
        var campaign = await driver.CreateCampaignAsync(outcomes: [Meeting]);
        const string lucia = "lucia.verdi@customers.test";
        const string marco = "marco.bianchi@customers.test";
        var luciaId = await driver.AddLeadAsync(campaign, "+12125550101", "America/New_York", "Lucia Verdi", lucia);
        var marcoId = await driver.AddLeadAsync(campaign, "+12125550102", "America/New_York", "Marco Bianchi", marco);
        var day = DateOnly.FromDateTime(LocalTime("Europe/Rome", await driver.NowAsync()).DateTime).AddDays(3);
        var slot = At(day, new TimeOnly(15, 0), "Europe/Rome");
        var otherSlot = At(day.AddDays(1), new TimeOnly(10, 0), "Europe/Rome");
        var reminderAt = ReminderAt(slot, "America/New_York");
        var otherReminderAt = ReminderAt(otherSlot, "America/New_York");

        var booked = await BookAsync(driver, campaign, luciaId, Dora, slot);
        var other = await BookAsync(driver, campaign, marcoId, Dora, otherSlot);

        var booking = await driver.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{booked}");
        Assert.Equal(reminderAt, booking.GetProperty("reminderAt").GetDateTimeOffset());
        Assert.Equal(slot, booking.GetProperty("start").GetDateTimeOffset());
        Assert.StartsWith("Your appointment on", Subject(Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.Recipients.Contains(lucia), 1, MailWait))));
        (await driver.Admin.PostAsync($"/api/v1/bookings/{other}/cancel", null)).EnsureSuccessStatusCode();
        var agenda = await AgendaAsync(driver.Admin, Dora, slot.AddDays(-1), slot.AddDays(3));
        Assert.Contains(otherSlot, agenda.Free);
        Assert.DoesNotContain(slot, agenda.Free);

        await driver.AdvanceToAsync(reminderAt.AddMinutes(-1));
        Assert.DoesNotContain(api.Mail.MessagesTo(lucia), m => Subject(m).StartsWith("Reminder", StringComparison.Ordinal));
        await driver.AdvanceToAsync(reminderAt);
        var reminder = Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.Recipients.Contains(lucia) && Subject(m).StartsWith("Reminder", StringComparison.Ordinal), 1, MailWait));
        Assert.Contains(booked, reminder.Raw, StringComparison.Ordinal);

        await driver.AdvanceToAsync(otherReminderAt.AddDays(2));
        Assert.Single(api.Mail.MessagesTo(lucia), m => Subject(m).StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Equal(2, api.Mail.MessagesTo(lucia).Count);
        var toMarco = await api.Mail.WaitForMessagesAsync(m => m.Recipients.Contains(marco), 2, MailWait);
        Assert.Equal(2, toMarco.Count);
        Assert.Single(toMarco, m => Subject(m).EndsWith("is cancelled", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Mail.MessagesTo(marco), m => Subject(m).StartsWith("Reminder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_booking_survives_a_restart_and_the_PostgreSQL_reminder_sends_its_reminder_once_at_13_00_the_day_before_in_the_customer_zone()
    {
        // 2026-03-09 is a Monday; New York is on summer time from the 8th, Rome not yet.
        var slot = new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.FromHours(1));
        var reminderAt = new DateTimeOffset(2026, 3, 8, 13, 0, 0, TimeSpan.FromHours(-4));
        var cancelledSlot = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(1));
        const string lucia = "lucia.verdi@customers.test";
        const string marco = "marco.bianchi@customers.test";
        string booked;
        var reminderRows = $"SELECT count(*) FROM orleans_reminder WHERE grain_id LIKE '%{Dora}%'";

        await using (var first = new RemindersOnPostgresApiFactory(database.ConnectionString))
        {
            var driver = new CallDriver(first.Admin());
            await PutAgendaAsync(driver.Admin, Dora);
            var campaign = await driver.CreateCampaignAsync(outcomes: [Meeting]);
            var luciaId = await driver.AddLeadAsync(campaign, "+12125550101", "America/New_York", "Lucia Verdi", lucia);
            var marcoId = await driver.AddLeadAsync(campaign, "+12125550102", "America/New_York", "Marco Bianchi", marco);

            booked = await BookAsync(driver, campaign, luciaId, Dora, slot);
            var cancelled = await BookAsync(driver, campaign, marcoId, Dora, cancelledSlot);
            Assert.Equal(reminderAt, (await driver.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{booked}")).GetProperty("reminderAt").GetDateTimeOffset());
            await first.Mail.WaitForMessagesAsync(m => m.Recipients.Contains(lucia), 1, MailWait);
            (await driver.Admin.PostAsync($"/api/v1/bookings/{cancelled}/cancel", null)).EnsureSuccessStatusCode();
            var toMarco = await first.Mail.WaitForMessagesAsync(m => m.Recipients.Contains(marco), 2, MailWait);
            Assert.Single(toMarco, m => Subject(m).EndsWith("is cancelled", StringComparison.Ordinal));
            Assert.Contains(cancelledSlot, (await AgendaAsync(driver.Admin, Dora, slot.AddDays(-1), slot.AddDays(3))).Free);
            // The agent holds one reminder row; an outbox that delivered a booking email drops its backstop reminder on its own turn.
            await Eventually.WaitForAsync(() => CountAsync(reminderRows), rows => rows == 1, TimeSpan.FromSeconds(30));
        }

        await using var second = new RemindersOnPostgresApiFactory(database.ConnectionString);
        var agent = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IAgentGrain>(Dora).AsReference<IRemindable>();

        // A tick a minute early sends nothing: the reminder is due by the business clock.
        second.Time.SetUtcNow(reminderAt.AddMinutes(-1));
        await agent.ReceiveReminder(DueWork.ReminderName, Tick(second.Time.GetUtcNow()));
        Assert.Empty(second.Mail.MessagesTo(lucia));

        // At 13:00 in New York the reminder kept in PostgreSQL fires on its own and sends the reminder.
        second.Time.SetUtcNow(reminderAt);
        var reminder = Assert.Single(await second.Mail.WaitForMessagesAsync(m => m.Recipients.Contains(lucia), 1, MailWait));
        Assert.StartsWith("Reminder", Subject(reminder), StringComparison.Ordinal);
        Assert.Contains(booked, reminder.Raw, StringComparison.Ordinal);

        // Nothing is pending any more: the grain lets its reminder go. Later (and duplicated) ticks send nothing.
        await Eventually.WaitForAsync(() => CountAsync(reminderRows), rows => rows == 0, TimeSpan.FromSeconds(30));
        second.Time.SetUtcNow(cancelledSlot.AddDays(1));
        await agent.ReceiveReminder(DueWork.ReminderName, Tick(second.Time.GetUtcNow()));
        await agent.ReceiveReminder(DueWork.ReminderName, Tick(second.Time.GetUtcNow()));
        Assert.Single(second.Mail.MessagesTo(lucia));
        Assert.Empty(second.Mail.MessagesTo(marco));
        var agenda = await AgendaAsync(second.Admin(), Dora, slot.AddDays(-1), slot.AddDays(3));
        Assert.Equal(slot, Assert.Single(BookingsAt(agenda.Bookings, "Booked")));
    }

    [Fact]
    public async Task A_recording_uploaded_on_PostgreSQL_is_stored_in_its_table_and_a_discarded_call_leaves_no_row()
    {
        await using var api = new WorkflowApiFactory(database.ConnectionString);
        var driver = new CallDriver(api.Admin());
        var campaign = await driver.CreateCampaignAsync();
        var keptContact = await driver.AddLeadAsync(campaign, "+390611100001");
        var droppedContact = await driver.AddLeadAsync(campaign, "+390611100002");
        var audio = Wav(48_000);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(audio));

        var kept = await StartDirectAsync(driver, campaign, keptContact, Anna);
        var uploaded = await UploadAsync(driver.Admin, kept, audio);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(sha256, (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recording").GetProperty("sha256").GetString());
        await ConfirmAsync(driver, kept, Anna, keptContact, new { code = "completed", comment = "recorded" }, new CallLog());

        var row = $"FROM crm_call_recordings WHERE call_id = '{kept}'";
        Assert.Equal(1, await CountAsync("SELECT count(*) " + row));
        Assert.Equal("audio/wav", await database.ScalarAsync<string>("SELECT content_type " + row));
        Assert.Equal(audio.Length, await database.ScalarAsync<long>("SELECT size " + row));
        Assert.Equal(sha256, await database.ScalarAsync<string>("SELECT sha256 " + row));
        Assert.Equal(audio, await database.ScalarAsync<byte[]>("SELECT content " + row));
        Assert.Equal(audio, await driver.Admin.GetByteArrayAsync($"/api/v1/calls/{kept}/recording"));

        var dropped = await StartDirectAsync(driver, campaign, droppedContact, Anna);
        (await UploadAsync(driver.Admin, dropped, audio)).EnsureSuccessStatusCode();
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM crm_call_recordings WHERE call_id = '{dropped}'"));
        (await driver.DiscardAsync(dropped)).EnsureSuccessStatusCode();

        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM crm_call_recordings WHERE call_id = '{dropped}'"));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM crm_calls WHERE call_id = '{dropped}'"));
        Assert.Equal(HttpStatusCode.NotFound, (await driver.Admin.GetAsync($"/api/v1/calls/{dropped}/recording")).StatusCode);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM crm_call_recordings"));
    }

    [Fact]
    public async Task Two_agents_confirming_appointments_for_one_slot_at_once_on_PostgreSQL_make_exactly_one_booking()
    {
        const int slots = 4;
        var pairs = new List<(DateTimeOffset Slot, string AnnaCall, string BrunoCall)>();
        var unheld = new List<string>();
        DateTimeOffset stoppedAt;
        await using (var first = new WorkflowApiFactory(database.ConnectionString))
        {
            var driver = new CallDriver(first.Admin());
            await PutAgendaAsync(driver.Admin, Dora);
            var campaign = await driver.CreateCampaignAsync(outcomes: [Meeting]);
            var day = DateOnly.FromDateTime(LocalTime("Europe/Rome", await driver.NowAsync()).DateTime).AddDays(2);
            for (var i = 0; i < slots; i++)
            {
                var slot = At(day, new TimeOnly(10, 0).AddMinutes(30 * i), "Europe/Rome");
                var annaLead = await driver.AddLeadAsync(campaign, $"+3906222000{i}0", name: $"Lead A{i}", email: $"a{i}@customers.test");
                var brunoLead = await driver.AddLeadAsync(campaign, $"+3906222000{i}1", name: $"Lead B{i}", email: $"b{i}@customers.test");
                var annaCall = await StartDirectAsync(driver, campaign, annaLead, Anna);
                var brunoCall = await StartDirectAsync(driver, campaign, brunoLead, Bruno);
                (await driver.DraftAsync(annaCall, new { notes = "Interested" })).EnsureSuccessStatusCode();
                (await driver.DraftAsync(brunoCall, new { notes = "Interested" })).EnsureSuccessStatusCode();

                // Drafting the slot at once: the slot is held for one of the two calls only.
                var drafts = await Task.WhenAll(
                    driver.DraftAsync(annaCall, Appointment(Dora, slot)),
                    driver.DraftAsync(brunoCall, Appointment(Dora, slot)));
                Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, drafts.Select(d => d.StatusCode).Order().ToArray());
                unheld.Add(drafts[0].StatusCode == HttpStatusCode.OK ? brunoCall : annaCall);
                pairs.Add((slot, annaCall, brunoCall));
            }

            stoppedAt = await driver.NowAsync();
        }

        // Holds live in the agenda grain's memory: after a restart the other call drafts the slot too...
        await using (var second = new WorkflowApiFactory(database.ConnectionString))
        {
            var driver = new CallDriver(second.Admin());
            await driver.AdvanceToAsync(stoppedAt);
            for (var i = 0; i < slots; i++)
            {
                (await driver.DraftAsync(unheld[i], Appointment(Dora, pairs[i].Slot))).EnsureSuccessStatusCode();
            }
        }

        // ... and after another both calls name the slot, neither holds it, and both confirm at once.
        await using var third = new WorkflowApiFactory(database.ConnectionString);
        var again = new CallDriver(third.Admin());
        await again.AdvanceToAsync(stoppedAt);
        var meeting = new { code = "meeting", comment = "Demo booked" };
        var confirms = await Task.WhenAll(pairs.SelectMany(p => new[] { p.AnnaCall, p.BrunoCall }).Select(call => again.OutcomeAsync(call, meeting)));

        var agenda = await AgendaAsync(again.Admin, Dora, pairs[0].Slot.AddHours(-2), pairs[0].Slot.AddHours(6));
        Assert.Equal(pairs.Select(p => p.Slot).ToList(), BookingsAt(agenda.Bookings, "Booked"));
        for (var i = 0; i < slots; i++)
        {
            var (anna, bruno) = (confirms[2 * i], confirms[(2 * i) + 1]);
            Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, new[] { anna.StatusCode, bruno.StatusCode }.Order().ToArray());
            var (winner, loser) = anna.StatusCode == HttpStatusCode.OK ? (pairs[i].AnnaCall, pairs[i].BrunoCall) : (pairs[i].BrunoCall, pairs[i].AnnaCall);
            var booking = agenda.Bookings.Single(b => b.GetProperty("start").GetDateTimeOffset() == pairs[i].Slot);
            Assert.Equal(winner, booking.GetProperty("callId").GetString());
            Assert.Equal("Open", (await again.CallAsync(loser)).GetProperty("status").GetString());
        }
    }

    private static object NoContact() => new { code = "no-contact", comment = "No answer" };

    private static object SaleOutcome() => new { code = "sale", comment = "Bought the cream" };

    private static object PrivateCallback(DateTimeOffset at) => new { code = "callback", comment = "Call me after lunch", callbackAt = at, callbackVisibility = "Private" };

    private static object Appointment(string agentId, DateTimeOffset start) => new { notes = "Wants a demo", appointment = new { agentId, start } };

    private static object JsonLead(int i) => new { id = $"json-{i:D3}", name = $"Json Lead {i}", phone = $"+3906100{i:D5}" };

    private static string CsvLeads(int count)
    {
        var csv = new StringBuilder("id,name,phone,timeZone\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"csv-{i:D2},Csv Lead {i},+3906200{i:D5},Europe/Rome\n");
        }

        return csv.ToString();
    }

    /// <summary>The dialer's counts; no contact is leased between calls, and the campaign always has its 220 leads.</summary>
    private static void AssertStats(JsonElement stats, int due, int scheduled, int done)
    {
        var actual = new[] { "due", "scheduled", "leased", "done", "total" }.Select(p => stats.GetProperty(p).GetInt32()).ToArray();
        Assert.Equal(new[] { due, scheduled, 0, done, 220 }, actual);
    }

    private static Task<HttpResponseMessage> ImportCsvAsync(HttpClient admin, string campaignId, string csv) =>
        admin.PostAsync($"/api/v1/campaigns/{campaignId}/leads", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>dialer/next and a call on it, for <paramref name="agent"/>: handed out for the reason expected, never a contact whose calling ended.</summary>
    private static async Task<(string CallId, string ContactId)> DialAsync(CallDriver driver, string campaign, string agent, string why, CallLog log)
    {
        var dialed = await driver.DialAsync(campaign, agent);
        Assert.NotNull(dialed);
        Assert.Equal(why, dialed.Value.Why);
        Assert.DoesNotContain(dialed.Value.ContactId, log.Done);
        return (dialed.Value.CallId, dialed.Value.ContactId);
    }

    private static async Task ConfirmAsync(CallDriver driver, string callId, string agent, string contactId, object outcome, CallLog log)
    {
        var response = await driver.OutcomeAsync(callId, outcome);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var confirmed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome");
        log.Record(agent, confirmed.GetProperty("code").GetString()!, contactId);
    }

    private static async Task<string> StartDirectAsync(CallDriver driver, string campaignId, string contactId, string agentId)
    {
        var response = await driver.StartAsync(new { campaignId, contactId, agentId });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A call to the contact with the slot in the draft, confirmed as a meeting: the booking id.</summary>
    private static async Task<string> BookAsync(CallDriver driver, string campaignId, string contactId, string agentId, DateTimeOffset slot)
    {
        var callId = await StartDirectAsync(driver, campaignId, contactId, agentId);
        var draft = await driver.DraftAsync(callId, Appointment(agentId, slot));
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var response = await driver.OutcomeAsync(callId, new { code = "meeting", comment = "Demo booked" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetProperty("bookingId").GetString()!;
    }

    private static async Task PutAgendaAsync(HttpClient admin, string agentId)
    {
        var response = await admin.PutAsJsonAsync($"/api/v1/agents/{agentId}", new
        {
            name = "Dora Neri",
            email = "dora.neri@crm.example.test",
            agenda = new
            {
                timeZone = "Europe/Rome",
                dayStart = "09:00",
                dayEnd = "17:00",
                slotMinutes = 30,
                workDays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(List<JsonElement> Bookings, List<DateTimeOffset> Free)> AgendaAsync(HttpClient admin, string agentId, DateTimeOffset from, DateTimeOffset to)
    {
        var agenda = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/agents/{agentId}/agenda?from={Query(from)}&to={Query(to)}");
        return (
            agenda.GetProperty("bookings").EnumerateArray().ToList(),
            agenda.GetProperty("freeSlots").EnumerateArray().Select(s => s.GetDateTimeOffset()).ToList());
    }

    private static List<DateTimeOffset> BookingsAt(List<JsonElement> bookings, string status) =>
        bookings.Where(b => b.GetProperty("status").GetString() == status).Select(b => b.GetProperty("start").GetDateTimeOffset()).Order().ToList();

    private static Task<HttpResponseMessage> UploadAsync(HttpClient admin, string callId, byte[] audio)
    {
        var content = new ByteArrayContent(audio);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        return admin.PutAsync($"/api/v1/calls/{callId}/recording", content);
    }

    /// <summary>A WAV header followed by silence: enough for the content check, and a known hash.</summary>
    private static byte[] Wav(int size)
    {
        var audio = new byte[size];
        "RIFF"u8.CopyTo(audio);
        BinaryPrimitives.WriteInt32LittleEndian(audio.AsSpan(4), size - 8);
        "WAVEfmt "u8.CopyTo(audio.AsSpan(8));
        for (var i = 44; i < size; i++)
        {
            audio[i] = (byte)(i % 251);
        }

        return audio;
    }

    private static string Subject(ReceivedEmail email)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(email.Raw));
        return MimeMessage.Load(stream).Subject ?? "";
    }

    private static DateTimeOffset LocalTime(string zone, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone));

    private static DateTimeOffset At(DateOnly date, TimeOnly time, string zone)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local));
    }

    /// <summary>13:00 on the day before the meeting, on the customer's wall clock.</summary>
    private static DateTimeOffset ReminderAt(DateTimeOffset meeting, string customerZone) =>
        At(DateOnly.FromDateTime(LocalTime(customerZone, meeting).DateTime).AddDays(-1), new TimeOnly(13, 0), customerZone);

    private static TickStatus Tick(DateTimeOffset at) => new(at.UtcDateTime, TimeSpan.FromSeconds(1), at.UtcDateTime);

    private static string Sql(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture);

    private static string Query(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));

    private Task<long> CountAsync(string sql) => database.ScalarAsync<long>(sql);

    /// <summary>Every outcome the story confirmed, by agent and code, and the contacts whose calling ended.</summary>
    private sealed class CallLog
    {
        public Dictionary<(string Agent, string Code), int> Outcomes { get; } = [];

        public HashSet<string> Done { get; } = [];

        public int Confirmed => Outcomes.Values.Sum();

        public int CountOf(string code) => Outcomes.Where(o => o.Key.Code == code).Sum(o => o.Value);

        public void Record(string agent, string code, string contactId)
        {
            Outcomes[(agent, code)] = Outcomes.GetValueOrDefault((agent, code)) + 1;
            if (code is "sale" or "completed")
            {
                Done.Add(contactId);
            }
        }
    }

    /// <summary>
    /// The api on the PostgreSQL profile scheduling as production does, with Orleans reminders kept in PostgreSQL; they are
    /// armed at most a second ahead and repeat every second, so they keep reading the business clock, which the test moves.
    /// </summary>
    private sealed class RemindersOnPostgresApiFactory(string connectionString) : CrmApiFactory
    {
        public SmtpSink Mail { get; } = SmtpSink.Start();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = connectionString,
            ["Scheduling:RetryPeriod"] = "00:00:01",
            ["Scheduling:MaxDueTime"] = "00:00:01",
            ["Smtp:Host"] = Mail.Host,
            ["Smtp:Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Crm:PublicBaseUrl"] = "https://crm.example.test",
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Mail.DisposeAsync();
            GC.SuppressFinalize(this);
        }
    }
}
