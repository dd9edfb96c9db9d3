namespace OrleansCrm.Api.Apis;

public sealed record ExtensionResult(string OrderNumber, DateTimeOffset ChargeAt);
