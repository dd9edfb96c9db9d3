using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Contracts;

/// <summary>A calling campaign's configuration, keyed by its id.</summary>
[Alias("OrleansCrm.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<Stored<Campaign>?> GetAsync();

    /// <summary>Creates or replaces the campaign after checking every field.</summary>
    [Alias("Put")]
    Task<Stored<Campaign>> PutAsync(Campaign campaign);
}
