namespace OrleansCrm.Domain.Messaging;

/// <summary>Where a message stands in the outbox.</summary>
public sealed record EmailDelivery(
    string Key,
    string MessageId,
    string Recipient,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset QueuedAt,
    DateTimeOffset? SentAt,
    string? LastError);
