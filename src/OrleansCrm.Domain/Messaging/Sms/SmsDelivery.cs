namespace OrleansCrm.Domain.Messaging.Sms;

/// <summary>
/// Where an SMS stands in the outbox. <paramref name="MessageId"/> is the client message id the gateway sees (the same
/// key always gives the same id, so the gateway recognises a repeat); <paramref name="GatewayId"/> is the gateway's own.
/// </summary>
public sealed record SmsDelivery(
    string Key,
    string MessageId,
    string Recipient,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset QueuedAt,
    DateTimeOffset? SentAt,
    string? LastError,
    string? GatewayId);
