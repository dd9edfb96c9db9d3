using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts;

/// <summary>
/// One outgoing email, keyed by the message's <see cref="EmailMessage.Key"/>: recorded before it is
/// sent, sent at most once, retried on a transient failure with backoff, its delivery readable.
/// </summary>
[Alias("OrleansCrm.IOutboxEmailGrain")]
public interface IOutboxEmailGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the message and tries to deliver it now. A key already recorded keeps its first content
    /// and is never sent again: its delivery is returned as it stands (a queued one is tried at once
    /// only when its retry is due).
    /// </summary>
    [Alias("Send")]
    Task<EmailDelivery> SendAsync(EmailMessage message);

    /// <summary>Where the message stands, or null when nothing was recorded under this key.</summary>
    [Alias("Get")]
    Task<EmailDelivery?> GetAsync();
}
