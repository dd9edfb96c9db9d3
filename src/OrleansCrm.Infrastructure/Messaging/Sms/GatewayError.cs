namespace OrleansCrm.Infrastructure.Messaging.Sms;

/// <summary>The gateway's error body: <c>{"error": {"code": "...", "message": "..."}}</c>.</summary>
internal sealed record GatewayError(GatewayErrorDetail? Error);
