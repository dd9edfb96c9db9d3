namespace OrleansCrm.Contracts.Wallboard;

/// <summary>
/// An agent as the wallboard sees them now: on <see cref="CallId"/> of <see cref="CampaignId"/> since
/// <see cref="CallStartedAt"/> (null when not on a call), and when their last call ended (null: none since the grain started).
/// <see cref="LastCampaignId"/> is the campaign of the current or last call.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.AgentNow")]
public sealed record AgentNow(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string? CallId,
    [property: Id(2)] string? CampaignId,
    [property: Id(3)] DateTimeOffset? CallStartedAt,
    [property: Id(4)] DateTimeOffset? LastEndedAt,
    [property: Id(5)] string LastCampaignId);
