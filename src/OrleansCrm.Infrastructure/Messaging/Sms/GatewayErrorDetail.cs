namespace OrleansCrm.Infrastructure.Messaging.Sms;

internal sealed record GatewayErrorDetail(string? Code, string? Message);
