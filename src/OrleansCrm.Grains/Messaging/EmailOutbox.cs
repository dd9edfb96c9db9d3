using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Grains.Messaging;

/// <summary>The outbox as a service: each key is its own <see cref="IOutboxEmailGrain"/>.</summary>
public sealed class EmailOutbox(IGrainFactory grains) : IEmailOutbox
{
    public Task<EmailDelivery> SendAsync(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return grains.GetGrain<IOutboxEmailGrain>(RequireKey(message.Key)).SendAsync(message);
    }

    public Task<EmailDelivery> RecordSkippedAsync(EmailMessage message, string reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        return grains.GetGrain<IOutboxEmailGrain>(RequireKey(message.Key)).RecordSkippedAsync(message, reason);
    }

    public Task<EmailDelivery?> GetAsync(string key) =>
        grains.GetGrain<IOutboxEmailGrain>(RequireKey(key)).GetAsync();

    private static string RequireKey(string? key)
    {
        var validator = new Validator();
        validator.Required("key", key);
        validator.ThrowIfInvalid();
        return key!;
    }
}
