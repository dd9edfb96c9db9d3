namespace OrleansCrm.Api.Apis;

public sealed record DialerNextBody(string? AgentId);
