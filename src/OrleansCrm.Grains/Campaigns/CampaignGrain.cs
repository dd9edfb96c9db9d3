using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Grains.Campaigns;

public sealed class CampaignGrain(
    [PersistentState(StorageNames.CampaignState, StorageNames.Crm)] IPersistentState<DocumentState<Campaign>> state,
    CrmClock clock)
    : DocumentGrain<Campaign>(state, clock), ICampaignGrain
{
    /// <summary>The dialer picks up new calling hours and retry settings at once.</summary>
    protected override Task OnChangedAsync() => GrainFactory.GetGrain<IDialerGrain>(this.GetPrimaryKeyString()).CampaignChangedAsync();
}
