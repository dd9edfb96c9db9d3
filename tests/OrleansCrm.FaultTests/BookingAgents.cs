using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OrleansCrm.FaultTests;

/// <summary>
/// Agents booking meetings under the faults: dialer/next → a call on the lease → a draft with an appointment on a
/// closer's agenda → outcome "booked" (type T), every step retried until answered. The campaign's booking.reminder
/// email template falls due at one instant of the real clock (<see cref="ReminderAt"/>, the day before the meetings at
/// that minute), so the closers' agendas send their reminders on real Orleans reminders, through the kills, the
/// PostgreSQL restart and the partition. A booking confirmed before that instant must bring its customer exactly one
/// reminder; one confirmed after it is skipped (its reminder time had passed), and no one else gets one.
/// </summary>
internal sealed class BookingAgents(HttpClient http, string campaignId, string run, DateTimeOffset reminderAt, int closers)
{
    public const string OutcomeCode = "booked";

    /// <summary>In every reminder's subject, so the SMTP server's messages can be told apart.</summary>
    public const string Marker = "FAULT-REMINDER";

    private const int SlotMinutes = 5;

    private int nextSlot = -1;

    /// <summary>When every reminder of the run falls due: a whole minute (the template's <c>reminderAt</c> is HH:mm).</summary>
    public DateTimeOffset ReminderAt => reminderAt;

    /// <summary>Bookings whose outcome was answered 200: call id → the booking (contact, its email, when the answer came).</summary>
    public ConcurrentDictionary<string, Booked> Bookings { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Problems { get; } = [];

    /// <summary>Calls started (201) whose silo died before their first draft stored them: the draft found no call (404).</summary>
    public ConcurrentBag<string> LostBeforeDraft { get; } = [];

    /// <summary>The whole minute at or after <paramref name="at"/>.</summary>
    public static DateTimeOffset WholeMinuteFrom(DateTimeOffset at) =>
        new DateTimeOffset(at.UtcDateTime.Ticks - (at.UtcDateTime.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(at.UtcDateTime.Ticks % TimeSpan.TicksPerMinute == 0 ? 0 : 1);

    /// <summary>The campaign (UTC, open all day), its reminder template, the closers' agendas and the leads; lead id → email.</summary>
    public static async Task<Dictionary<string, string>> CreateCampaignAsync(HttpClient http, string campaignId, string run, int leads, int closers, DateTimeOffset reminderAt)
    {
        var campaign = new
        {
            name = "Faults bookings " + campaignId,
            timeZone = "UTC",
            callingHours = new { start = "00:00", end = "23:59" },
            quietHours = "00:00-00:00",
            outcomes = new[] { new { code = OutcomeCode, label = "Meeting booked", type = "T", color = "#00897B" } },
        };
        await Answered.MustAsync(http, () => Answered.Json(HttpMethod.Put, $"/api/v1/campaigns/{campaignId}", campaign), "booking campaign");
        var template = new
        {
            channel = "email",
            from = new { address = "meetings@example.test", name = "Meetings" },
            recipients = new[] { "customer.email" },
            subject = Marker + " {$booking.id}",
            body = "Tomorrow at {$booking.start:time}: your meeting with {$agent.name}.",
            trigger = new { @event = "booking.reminder", reminderDaysBefore = 1, reminderAt = reminderAt.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) },
        };
        await Answered.MustAsync(http, () => Answered.Json(HttpMethod.Put, $"/api/v1/campaigns/{campaignId}/templates/remind", template), "reminder template");
        for (var c = 0; c < closers; c++)
        {
            var closer = new
            {
                name = string.Create(CultureInfo.InvariantCulture, $"Closer {c}"),
                agenda = new { timeZone = "UTC", dayStart = "00:00", dayEnd = "23:59", slotMinutes = SlotMinutes, workDays = Enum.GetNames<DayOfWeek>() },
            };
            await Answered.MustAsync(http, () => Answered.Json(HttpMethod.Put, $"/api/v1/agents/{Closer(run, c)}", closer), "closer");
        }

        // Numbers from 9,000,000 up: the call agents' campaign takes its leads below that, so no phone is in both.
        var firstPhone = 9_000_000 + Random.Shared.Next(0, 1_000_000 - leads);
        var emails = new Dictionary<string, string>(StringComparer.Ordinal);
        var batch = Enumerable.Range(0, leads).Select(i => new
        {
            name = $"Booking Lead {i}",
            phone = string.Create(CultureInfo.InvariantCulture, $"+1555{firstPhone + i:D7}"),
            email = string.Create(CultureInfo.InvariantCulture, $"booking-{run}-{i}@example.test"),
            timeZone = "UTC",
        }).ToArray();
        var answer = await Answered.MustAsync(http, () => Answered.Json(HttpMethod.Post, $"/api/v1/campaigns/{campaignId}/leads", batch), "booking leads");
        if (answer.GetProperty("imported").GetInt32() + answer.GetProperty("alreadyInCampaign").GetArrayLength() != batch.Length)
        {
            throw new InvalidOperationException("Not every booking lead was imported: " + answer);
        }

        foreach (var lead in batch)
        {
            emails[OrleansCrm.Domain.Calls.LeadImport.IdFromPhone(lead.phone)] = lead.email;
        }

        return emails;
    }

    public async Task RunAsync(int agents, DateTimeOffset stopStartingAt) =>
        await Task.WhenAll(Enumerable.Range(1, agents).Select(a => AgentAsync($"fault-booker-{a}", stopStartingAt)));

    private async Task AgentAsync(string agentId, DateTimeOffset stopStartingAt)
    {
        while (DateTimeOffset.UtcNow < stopStartingAt)
        {
            var (status, handOut) = await Answered.SendAsync(http, () => Answered.Json(HttpMethod.Post, $"/api/v1/campaigns/{campaignId}/dialer/next", new { agentId }), stopStartingAt);
            if (status == HttpStatusCode.NoContent)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500)); // pacing: no lead is due, ask again later
                continue;
            }

            if (status != HttpStatusCode.OK)
            {
                continue;
            }

            var contactId = handOut.GetProperty("contact").GetProperty("id").GetString()!;
            var leaseId = handOut.GetProperty("leaseId").GetString()!;
            var giveUp = DateTimeOffset.UtcNow.AddMinutes(2);
            var (started, call) = await Answered.SendAsync(http, () => Answered.Json(HttpMethod.Post, "/api/v1/calls", new { campaignId, agentId, leaseId }), giveUp);
            if (started != HttpStatusCode.Created)
            {
                continue; // the lease is gone (the dialer restarted): the contact is back in the queue
            }

            var callId = call.GetProperty("id").GetString()!;
            var drafted = await DraftAsync(callId, giveUp);
            if (drafted == HttpStatusCode.NotFound)
            {
                // The call was started (201) but not yet stored: a call is stored with its first draft or its outcome's
                // intent, not when it starts (README). Its silo died, so the agent starts again on the next contact;
                // this one comes back when its lease times out. Counted, not hidden.
                LostBeforeDraft.Add(callId);
                continue;
            }

            if (drafted != HttpStatusCode.OK)
            {
                Problems.Add($"no slot could be drafted on {callId}: {(int)drafted}");
                continue;
            }

            var sentAt = DateTimeOffset.UtcNow;
            var (confirmed, answer) = await Answered.SendAsync(http, () => Answered.Json(HttpMethod.Post, $"/api/v1/calls/{callId}/outcome", new { code = OutcomeCode }), giveUp);
            if (confirmed == HttpStatusCode.OK || (confirmed == HttpStatusCode.Conflict && await Answered.ConfirmedWithAsync(http, callId, OutcomeCode, giveUp)))
            {
                Bookings[callId] = new Booked(contactId, sentAt, DateTimeOffset.UtcNow);
            }
            else
            {
                Problems.Add($"booking outcome of {callId} answered {(int)confirmed}: {answer}");
            }
        }
    }

    /// <summary>
    /// A free slot of a closer on the meeting day; a slot refused (held by another call) is replaced by the next one.
    /// OK when drafted, NotFound when the call is gone, else the last refusal.
    /// </summary>
    private async Task<HttpStatusCode> DraftAsync(string callId, DateTimeOffset giveUp)
    {
        var meetingDay = reminderAt.UtcDateTime.Date.AddDays(1);
        var last = HttpStatusCode.Conflict;
        for (var tries = 0; tries < 5; tries++)
        {
            var n = Interlocked.Increment(ref nextSlot);
            var closer = Closer(run, n % closers);
            var slot = new DateTimeOffset(meetingDay, TimeSpan.Zero).AddMinutes(SlotMinutes * (n / closers));
            var (status, _) = await Answered.SendAsync(http, () => Answered.Json(HttpMethod.Put, $"/api/v1/calls/{callId}/draft", new { appointment = new { agentId = closer, start = slot } }), giveUp);
            if ((int)status is >= 200 and < 300)
            {
                return HttpStatusCode.OK;
            }

            if (status == HttpStatusCode.NotFound)
            {
                return status;
            }

            last = status;
        }

        return last;
    }

    private static string Closer(string run, int c) => string.Create(CultureInfo.InvariantCulture, $"{run}-closer-{c}");

    /// <summary>
    /// A booking confirmed for <paramref name="ContactId"/>: the service booked it between the outcome's first send
    /// (<paramref name="SentAt"/>) and its answer (<paramref name="AnsweredAt"/>, after any retries).
    /// </summary>
    internal sealed record Booked(string ContactId, DateTimeOffset SentAt, DateTimeOffset AnsweredAt)
    {
        /// <summary>How many reminders its customer must get: one when booked before the reminder's instant, none after; null when it cannot be told.</summary>
        public int? RemindersDue(DateTimeOffset reminderAt) => AnsweredAt < reminderAt ? 1 : SentAt > reminderAt ? 0 : null;
    }
}
