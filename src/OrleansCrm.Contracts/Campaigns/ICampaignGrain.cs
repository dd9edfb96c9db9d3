using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Contracts;

/// <summary>A calling campaign's configuration, keyed by its id.</summary>
[Alias("OrleansCrm.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>Interleaves: the dialer reads the campaign while the campaign is telling it of a change.</summary>
    [Alias("Get"), Orleans.Concurrency.AlwaysInterleave]
    [return: Immutable]
    Task<Stored<Campaign>?> GetAsync();

    /// <summary>Creates or replaces the campaign after checking every field.</summary>
    [Alias("Put")]
    [return: Immutable]
    Task<Stored<Campaign>> PutAsync([Immutable] Campaign campaign);
}
