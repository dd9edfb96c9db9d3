namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// A call attempt as lists and reports see it. <see cref="Status"/> is Open, Confirmed, Discarded or TimedOut;
/// the outcome fields are set once the outcome is confirmed.
/// </summary>
public sealed record CallEntry(
    string CallId,
    string CampaignId,
    string ContactId,
    string? CustomerId,
    string? OrderNumber,
    string? TaskId,
    string AgentId,
    string Direction,
    int Attempt,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string Status,
    string? OutcomeCode,
    string? OutcomeLabel,
    string? OutcomeType,
    string? OutcomeColor,
    string? Comment,
    long Version);
