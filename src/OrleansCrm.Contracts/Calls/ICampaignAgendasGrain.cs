using Orleans.Concurrency;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Contracts;

/// <summary>
/// Which agents hold bookings of one campaign, keyed by the campaign's id: the way a saved <c>booking.reminder</c>
/// template reaches the agendas whose bookings it must plan reminders for (no read model lists bookings, and the agent
/// is the one that plans its own reminders).
/// </summary>
[Alias("OrleansCrm.ICampaignAgendasGrain")]
public interface ICampaignAgendasGrain : IGrainWithStringKey
{
    /// <summary>The agent holds (or is about to hold) a booking of the campaign; written once per agent.</summary>
    [Alias("AddAgent")]
    Task AddAgentAsync(string agentId);

    /// <summary>
    /// A reminder template of the campaign was saved: every agent with bookings of the campaign plans their reminders
    /// for it; answers when they all have. It only reads the list, so it interleaves with an agent registering (which
    /// an agent may be doing, in a booking, while this waits for it).
    /// </summary>
    [Alias("ReplanReminders"), AlwaysInterleave]
    Task ReplanRemindersAsync([Immutable] Stored<MessageTemplate> template);
}
