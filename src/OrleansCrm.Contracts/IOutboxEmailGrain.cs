using Orleans.Concurrency;
using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts;

/// <summary>
/// One outgoing email, keyed by the message's <see cref="EmailMessage.Key"/>: recorded before it is
/// sent, sent at most once on the outbox's own tick, retried on a transient failure with backoff, its
/// delivery readable. Both calls interleave with a delivery in progress: no caller waits on the transport.
/// </summary>
[Alias("OrleansCrm.IOutboxEmailGrain")]
public interface IOutboxEmailGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the message (queued) and returns at once; the outbox delivers it on its own tick, due at once. A key
    /// already recorded keeps its first content and is never sent again: its delivery is returned as it stands (a
    /// queued one is tried on the outbox's tick at once only when its retry is due).
    /// </summary>
    [AlwaysInterleave, Alias("Send")]
    [return: Immutable]
    Task<EmailDelivery> SendAsync([Immutable] EmailMessage message);

    /// <summary>
    /// Records a message that is not sent (a booking reminder whose cause no longer holds): <c>Skipped</c> with the
    /// reason, in the message log like any message, never handed to the transport. A key already recorded keeps what it has.
    /// </summary>
    [Alias("RecordSkipped")]
    [return: Immutable]
    Task<EmailDelivery> RecordSkippedAsync([Immutable] EmailMessage message, string reason);

    /// <summary>Where the message stands, or null when nothing was recorded under this key.</summary>
    [AlwaysInterleave, Alias("Get")]
    [return: Immutable]
    Task<EmailDelivery?> GetAsync();
}
