namespace OrleansCrm.Domain.Calls;

/// <summary>A close-online contract: the cart as agreed on the call, under a protocol number unique across the cluster.</summary>
public sealed record Contract(
    string Protocol,
    string CallId,
    string CampaignId,
    string ContactId,
    string? CustomerId,
    string? ContactName,
    string Phone,
    string AgentId,
    string Currency,
    IReadOnlyList<CartLine> Lines,
    decimal Total,
    DateTimeOffset CreatedAt);
