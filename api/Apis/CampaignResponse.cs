using OrleansCrm.Contracts;

namespace OrleansCrm.Api.Apis;

/// <summary>A campaign as stored, with its built-in outcomes and the outcome step filled in.</summary>
public sealed record CampaignResponse(string Id, long Version, DateTimeOffset UpdatedAt, Campaign Campaign)
{
    public static CampaignResponse From(Stored<Domain.Campaigns.Campaign> stored) => new(stored.Id, stored.Version, stored.UpdatedAt, Campaign.From(stored.Value));
}
