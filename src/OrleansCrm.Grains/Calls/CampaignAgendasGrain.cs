using OrleansCrm.Contracts;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Grains.Calls;

/// <summary>
/// The agents holding bookings of one campaign (an agent registers before its first booking of the campaign is
/// written, so no booking is missed). A saved reminder template is passed to each of them: the agent plans the
/// reminders of its bookings on its own one due instant.
/// </summary>
public sealed class CampaignAgendasGrain(
    [PersistentState(StorageNames.CampaignAgendasState, StorageNames.Crm)] IPersistentState<CampaignAgendasState> state)
    : Grain, ICampaignAgendasGrain
{
    public async Task AddAgentAsync(string agentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        if (state.State.Agents.Add(agentId))
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.Agents.Remove(agentId);
                throw;
            }
        }
    }

    public Task ReplanRemindersAsync(Stored<MessageTemplate> template)
    {
        var campaignId = this.GetPrimaryKeyString();
        var agents = state.State.Agents.Order(StringComparer.Ordinal).ToList(); // taken before the first await: a registration may interleave
        return Task.WhenAll(agents.Select(a => GrainFactory.GetGrain<IAgentGrain>(a).ReplanRemindersAsync(campaignId, template)));
    }
}
