namespace OrleansCrm.Domain.Messaging;

public enum DeliveryStatus
{
    /// <summary>Recorded in the outbox, not yet accepted by the transport (it is tried on the outbox's tick, and retried).</summary>
    Queued,

    /// <summary>Accepted by the SMTP server (or written to the pickup folder).</summary>
    Sent,

    /// <summary>Given up after the last retry, or refused permanently.</summary>
    Failed,
}
