namespace OrleansCrm.Api.Apis;

public sealed record AutoCancelBody(DateTimeOffset? At, bool? Disabled);
