using Orleans.Concurrency;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Contracts;

/// <summary>
/// One outgoing SMS, keyed by its client message id (derived from the message's key, see the SMS outbox): recorded before it is sent,
/// sent at most once on the outbox's own turn, retried on a transient failure, its status moved forward by delivery reports.
/// </summary>
[Alias("OrleansCrm.IOutboxSmsGrain")]
public interface IOutboxSmsGrain : IGrainWithStringKey
{
    /// <summary>Records the message (queued) and returns at once; a key already recorded keeps its first content.</summary>
    [AlwaysInterleave, Alias("Send")]
    [return: Immutable]
    Task<SmsDelivery> SendAsync([Immutable] SmsMessage message);

    /// <summary>Records a message that is not sent: <c>Skipped</c> with the reason, never handed to the gateway; a key already recorded keeps what it has.</summary>
    [Alias("RecordSkipped")]
    [return: Immutable]
    Task<SmsDelivery> RecordSkippedAsync([Immutable] SmsMessage message, string reason);

    [AlwaysInterleave, Alias("Get")]
    [return: Immutable]
    Task<SmsDelivery?> GetAsync();

    /// <summary>A delivery report: moves the status forward only. False when nothing was recorded under this id.</summary>
    [Alias("ReportDelivery")]
    Task<bool> ReportDeliveryAsync(DeliveryStatus status, string? errorCode);
}
