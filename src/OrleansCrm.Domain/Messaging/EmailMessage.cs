namespace OrleansCrm.Domain.Messaging;

/// <summary>
/// An email to send. <paramref name="Key"/> is stable for the business event (order, workflow event,
/// send number): the outbox sends each key at most once.
/// </summary>
public sealed record EmailMessage(string Key, string To, string? ToName, string Subject, string TextBody, string? HtmlBody = null);

public enum DeliveryStatus
{
    /// <summary>Recorded in the outbox, not yet accepted by the transport (it is retried).</summary>
    Queued,

    /// <summary>Accepted by the SMTP server (or written to the pickup folder).</summary>
    Sent,

    /// <summary>Given up after the last retry, or refused permanently.</summary>
    Failed,
}

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
