namespace OrleansCrm.Domain.Calls;

/// <summary>A contact held for one agent: until it expires, or, once a call started on it, until the call ends or times out.</summary>
public sealed record DialerLease(string LeaseId, string ContactId, string AgentId, HandOutReason Why, DateTimeOffset ExpiresAt, string? CallId);
