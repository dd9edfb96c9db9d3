namespace OrleansCrm.Infrastructure.Messaging.Sms;

/// <summary>The gateway's answer about one message (to a POST, or to <c>GET /messages/{id}</c>).</summary>
public sealed record GatewayMessageResponse(string? Id, string? ClientMessageId, string? Status, string? ErrorCode);
