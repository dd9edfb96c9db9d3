using OrleansCrm.Contracts;

namespace OrleansCrm.Api.Apis;

/// <summary>A template as stored: its id, its campaign, its version (one more on every save, never reused) and when it was saved.</summary>
public sealed record MessageTemplateResponse(string Id, string CampaignId, long Version, DateTimeOffset UpdatedAt, MessageTemplate Template)
{
    public static MessageTemplateResponse From(string campaignId, Stored<Domain.Messaging.Templates.MessageTemplate> stored) =>
        new(stored.Id, campaignId, stored.Version, stored.UpdatedAt, MessageTemplate.Of(stored.Value));
}
