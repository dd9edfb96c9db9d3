using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The one way an SMS leaves the CRM: recorded before it is sent, sent at most once per key on the outbox's own turn,
/// retried on a transient failure, its status moved forward by the gateway's delivery reports.
/// </summary>
public interface ISmsOutbox
{
    /// <summary>Records the message (a key already recorded keeps its first content) and returns where it stands.</summary>
    Task<SmsDelivery> SendAsync(SmsMessage message);

    /// <summary>Records a message that is not sent, <c>Skipped</c> with the reason (it shows in the message log); a key already recorded keeps what it has.</summary>
    Task<SmsDelivery> RecordSkippedAsync(SmsMessage message, string reason);

    /// <summary>Where the message with this key stands, or null when no such key was recorded.</summary>
    Task<SmsDelivery?> GetAsync(string key);

    /// <summary>
    /// A delivery report of the gateway for the message with this client message id: moves its status forward only
    /// (a duplicated or late report changes nothing). False when no message has that id.
    /// </summary>
    Task<bool> ReportAsync(string clientMessageId, DeliveryStatus status, string? errorCode);
}
