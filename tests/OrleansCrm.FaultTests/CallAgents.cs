using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OrleansCrm.FaultTests;

/// <summary>
/// Agents working a campaign of imported leads: dialer/next → a call on the lease → outcome "done" (type N: the
/// contact is finished and an outcome SMS goes to the lead), every step retried until answered. Each hand-out is kept
/// with when the agent held it, so two agents holding one contact at once can be found afterwards.
/// </summary>
internal sealed class CallAgents(HttpClient http, string campaignId)
{
    public const string OutcomeCode = "done";

    /// <summary>Every hand-out an agent got: the contact, the agent, from the answer to the end (outcome answered or given up).</summary>
    public ConcurrentBag<Holding> Holdings { get; } = [];

    /// <summary>Calls whose outcome was answered 200: call id → contact id.</summary>
    public ConcurrentDictionary<string, string> Confirmed { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Problems { get; } = [];

    /// <summary>Calls started (201) whose silo died before their outcome stored them: the outcome found no call (404).</summary>
    public ConcurrentBag<string> LostBeforeOutcome { get; } = [];

    public static async Task<Dictionary<string, string>> CreateCampaignAsync(HttpClient http, string campaignId, int leads)
    {
        var campaign = new
        {
            name = "Faults " + campaignId,
            timeZone = "UTC",
            callingHours = new { start = "00:00", end = "23:59" },
            quietHours = "00:00-00:00",
            outcomes = new[] { new { code = OutcomeCode, label = "Done", type = "N", color = "#00AA00" } },
        };
        await Answered.MustAsync(http, () => Answered.Json(HttpMethod.Put, $"/api/v1/campaigns/{campaignId}", campaign), "campaign");
        var template = new
        {
            channel = "sms",
            from = new { address = "Shop" },
            recipients = new[] { "customer.phone" },
            body = "Hi {$name}, thank you for your time.",
            trigger = new { @event = "outcome", outcomeCode = OutcomeCode },
        };
        await Answered.MustAsync(http, () => Answered.Json(HttpMethod.Put, $"/api/v1/campaigns/{campaignId}/templates/thanks", template), "template");

        var firstPhone = Random.Shared.Next(0, 9_000_000 - leads);
        var phones = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var from = 0; from < leads; from += 1000)
        {
            var batch = Enumerable.Range(from, Math.Min(1000, leads - from))
                .Select(i => new { name = $"Fault Lead {i}", phone = string.Create(CultureInfo.InvariantCulture, $"+1555{firstPhone + i:D7}") }).ToArray();
            var answer = await Answered.MustAsync(http, () => Answered.Json(HttpMethod.Post, $"/api/v1/campaigns/{campaignId}/leads", batch), "leads");
            if (answer.GetProperty("imported").GetInt32() + answer.GetProperty("alreadyInCampaign").GetArrayLength() != batch.Length)
            {
                throw new InvalidOperationException("Not every lead was imported: " + answer);
            }

            foreach (var lead in batch)
            {
                phones[OrleansCrm.Domain.Calls.LeadImport.IdFromPhone(lead.phone)] = lead.phone;
            }
        }

        return phones;
    }

    public async Task RunAsync(int agents, DateTimeOffset stopStartingAt) =>
        await Task.WhenAll(Enumerable.Range(1, agents).Select(a => AgentAsync($"fault-agent-{a}", stopStartingAt)));

    private async Task AgentAsync(string agentId, DateTimeOffset stopStartingAt)
    {
        while (DateTimeOffset.UtcNow < stopStartingAt)
        {
            var (status, handOut) = await Answered.SendAsync(http, () => Answered.Json(HttpMethod.Post, $"/api/v1/campaigns/{campaignId}/dialer/next", new { agentId }), stopStartingAt);
            if (status == HttpStatusCode.NoContent)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                continue;
            }

            if (status != HttpStatusCode.OK)
            {
                continue;
            }

            var held = DateTimeOffset.UtcNow;
            var contactId = handOut.GetProperty("contact").GetProperty("id").GetString()!;
            var leaseId = handOut.GetProperty("leaseId").GetString()!;
            var giveUp = DateTimeOffset.UtcNow.AddMinutes(2);
            var (started, call) = await Answered.SendAsync(http, () => Answered.Json(HttpMethod.Post, "/api/v1/calls", new { campaignId, agentId, leaseId }), giveUp);
            if (started != HttpStatusCode.Created)
            {
                // The lease is gone (the dialer restarted with its queue rebuilt): the contact is back in the queue.
                Holdings.Add(new Holding(contactId, agentId, held, DateTimeOffset.UtcNow, null));
                continue;
            }

            var callId = call.GetProperty("id").GetString()!;
            var (confirmed, answer) = await Answered.SendAsync(http, () => Answered.Json(HttpMethod.Post, $"/api/v1/calls/{callId}/outcome", new { code = OutcomeCode, comment = "fault run" }), giveUp);
            Holdings.Add(new Holding(contactId, agentId, held, DateTimeOffset.UtcNow, callId));
            if (confirmed == HttpStatusCode.OK || (confirmed == HttpStatusCode.Conflict && await Answered.ConfirmedWithAsync(http, callId, OutcomeCode, giveUp)))
            {
                // A 409 "the call is Confirmed" answers a retry whose first attempt confirmed it (the API's contract: a
                // confirmed call takes no outcome again); the call read back shows this outcome.
                Confirmed[callId] = contactId;
            }
            else if (confirmed == HttpStatusCode.NotFound)
            {
                // Started (201) but never stored: a call is stored with its outcome's intent, not when it starts (README,
                // "the intent rather than making every call durable"), so a silo that dies in between takes it along.
                // The agent starts again on the next contact; this one comes back when its lease times out. Counted.
                LostBeforeOutcome.Add(callId);
            }
            else
            {
                Problems.Add($"outcome of {callId} answered {(int)confirmed}: {answer}");
            }
        }
    }

    /// <summary>An agent holding a contact from <paramref name="From"/> to <paramref name="Until"/>; the call made on it, if any.</summary>
    internal sealed record Holding(string ContactId, string AgentId, DateTimeOffset From, DateTimeOffset Until, string? CallId);
}
