namespace OrleansCrm.Api.Apis;

public sealed record PrepaymentBody(decimal? Amount, string? CardToken);
