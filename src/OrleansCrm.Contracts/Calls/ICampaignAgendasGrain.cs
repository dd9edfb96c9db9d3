using Orleans.Concurrency;

namespace OrleansCrm.Contracts;

/// <summary>
/// Which agents hold bookings of one campaign, keyed by the campaign's id: the way a saved <c>booking.reminder</c>
/// template reaches the agendas whose bookings it must plan reminders for (no read model lists bookings, and the agent
/// is the one that plans its own reminders).
/// </summary>
[Alias("OrleansCrm.ICampaignAgendasGrain")]
public interface ICampaignAgendasGrain : IGrainWithStringKey
{
    /// <summary>The agent is about to hold a booking of the campaign (registered before it reads the campaign's templates); written once per agent.</summary>
    [Alias("AddAgent")]
    Task AddAgentAsync(string agentId);

    /// <summary>The agents holding bookings of the campaign, by id.</summary>
    [Alias("Agents"), ReadOnly]
    Task<IReadOnlyList<string>> AgentsAsync();
}
