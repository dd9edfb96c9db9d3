namespace OrleansCrm.Domain.Messaging;

public enum DeliveryStatus
{
    /// <summary>Recorded in the outbox, not yet accepted by the transport (it is tried on the outbox's tick, and retried).</summary>
    Queued,

    /// <summary>Accepted by the SMTP server (or written to the pickup folder).</summary>
    Sent,

    /// <summary>Given up after the last retry, or refused permanently.</summary>
    Failed,

    /// <summary>The gateway reported the SMS handed to the handset (final).</summary>
    Delivered,

    /// <summary>The gateway reported the SMS could not reach the handset (final).</summary>
    Undeliverable,

    /// <summary>Never handed to a transport: the recipient opted out, a cap was reached (final; the reason is recorded).</summary>
    Skipped,
}
