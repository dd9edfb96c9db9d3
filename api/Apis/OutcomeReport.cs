namespace OrleansCrm.Api.Apis;

/// <summary>The "at a glance" view of seed 004: per agent, per outcome, counts with colors, over [from, to).</summary>
public sealed record OutcomeReport(DateTimeOffset From, DateTimeOffset To, string? CampaignId, IReadOnlyList<AgentOutcomesView> Agents);
