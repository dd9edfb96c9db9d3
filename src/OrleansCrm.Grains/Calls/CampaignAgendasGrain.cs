using OrleansCrm.Contracts;

namespace OrleansCrm.Grains.Calls;

/// <summary>
/// The agents holding bookings of one campaign. An agent registers before its first booking of the campaign reads the
/// campaign's templates, so a reminder template saved at any moment reaches every booking: either the booking read the
/// saved template, or its agent was on the list read after the save.
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

    public Task<IReadOnlyList<string>> AgentsAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Agents.Order(StringComparer.Ordinal)]);
}
