using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The one way an email leaves the CRM: recorded before it is sent, sent at most once per key on the
/// outbox's own tick (never inside the caller's turn), retried on a transient failure, its delivery status
/// readable afterwards and reported to the message's <see cref="EmailMessage.Owner"/>.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Records the message (a key already recorded keeps its first content) and returns where it stands: a new one is queued, its delivery due at once.</summary>
    Task<EmailDelivery> SendAsync(EmailMessage message);

    /// <summary>Records a message that is not sent, <c>Skipped</c> with the reason (it shows in the message log); a key already recorded keeps what it has.</summary>
    Task<EmailDelivery> RecordSkippedAsync(EmailMessage message, string reason);

    /// <summary>Where the message with this key stands, or null when no such key was recorded.</summary>
    Task<EmailDelivery?> GetAsync(string key);
}
