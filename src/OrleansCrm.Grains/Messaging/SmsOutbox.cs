using OrleansCrm.Contracts;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Grains.Messaging;

/// <summary>The SMS outbox as a service: each key is its own <see cref="IOutboxSmsGrain"/>, under its client message id.</summary>
public sealed class SmsOutbox(IGrainFactory grains) : ISmsOutbox
{
    public Task<SmsDelivery> SendAsync(SmsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return grains.GetGrain<IOutboxSmsGrain>(OutboxRules.SmsMessageIdFor(RequireKey(message.Key))).SendAsync(message);
    }

    public Task<SmsDelivery> RecordSkippedAsync(SmsMessage message, string reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        return grains.GetGrain<IOutboxSmsGrain>(OutboxRules.SmsMessageIdFor(RequireKey(message.Key))).RecordSkippedAsync(message, reason);
    }

    public Task<SmsDelivery?> GetAsync(string key) =>
        grains.GetGrain<IOutboxSmsGrain>(OutboxRules.SmsMessageIdFor(RequireKey(key))).GetAsync();

    public Task<bool> ReportAsync(string clientMessageId, DeliveryStatus status, string? errorCode) =>
        grains.GetGrain<IOutboxSmsGrain>(RequireKey(clientMessageId)).ReportDeliveryAsync(status, errorCode);

    private static string RequireKey(string? key)
    {
        var validator = new Validator();
        validator.Required("key", key);
        validator.ThrowIfInvalid();
        return key!;
    }
}
