namespace OrleansCrm.Api.Apis;

public sealed record LinkedOrderBody(string? OrderId);
