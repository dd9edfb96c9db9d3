namespace OrleansCrm.Api.Apis;

public sealed record AutoPaymentsRequest(bool? Enabled);
