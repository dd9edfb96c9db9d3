namespace OrleansCrm.Api.Apis;

/// <summary>An agent's row: every outcome they confirmed in the range, and the total.</summary>
public sealed record AgentOutcomesView(string AgentId, int Total, IReadOnlyList<OutcomeCountView> Outcomes);
