using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The one way an email leaves the CRM: recorded before it is sent, sent at most once per key,
/// retried on a transient failure, its delivery status readable afterwards.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Records the message (a key already recorded keeps its first content) and tries to send it now; returns where it stands.</summary>
    Task<EmailDelivery> SendAsync(EmailMessage message);

    /// <summary>Where the message with this key stands, or null when no such key was recorded.</summary>
    Task<EmailDelivery?> GetAsync(string key);
}
