namespace OrleansCrm.Contracts.Ports;

/// <summary>How many confirmed calls of one agent ended with one outcome (with the outcome's label and color as recorded on the calls).</summary>
public sealed record OutcomeCount(string AgentId, string OutcomeCode, string OutcomeLabel, string OutcomeColor, int Count);
