namespace OrleansCrm.Contracts.Ports;

/// <summary>Confirmed calls of one agent in one campaign with one outcome: how many, their talk time (start to end), and the label and color of the latest.</summary>
public sealed record CallTally(string CampaignId, string AgentId, string OutcomeCode, string OutcomeLabel, string OutcomeColor, int Count, TimeSpan TalkTime);
