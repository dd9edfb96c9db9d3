namespace OrleansCrm.Api.Edge;

/// <summary>How many requests of one kind a client address may make in a fixed window.</summary>
public sealed record WindowLimit(int PermitLimit, TimeSpan Window);
