using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Contracts.Wire.Messaging;

/// <summary>An <see cref="SmsDelivery"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.SmsDelivery.v1")]
public readonly record struct SmsDeliverySurrogate(
    [property: Id(0)] string Key,
    [property: Id(1)] string MessageId,
    [property: Id(2)] string Recipient,
    [property: Id(3)] DeliveryStatus Status,
    [property: Id(4)] int Attempts,
    [property: Id(5)] DateTimeOffset QueuedAt,
    [property: Id(6)] DateTimeOffset? SentAt,
    [property: Id(7)] string? LastError,
    [property: Id(8)] string? GatewayId);

/// <summary>Turns an <see cref="SmsDelivery"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class SmsDeliveryConverter : IConverter<SmsDelivery, SmsDeliverySurrogate>
{
    public SmsDelivery ConvertFromSurrogate(in SmsDeliverySurrogate s) =>
        new(s.Key, s.MessageId, s.Recipient, s.Status, s.Attempts, s.QueuedAt, s.SentAt, s.LastError, s.GatewayId);

    public SmsDeliverySurrogate ConvertToSurrogate(in SmsDelivery d) =>
        new(d.Key, d.MessageId, d.Recipient, d.Status, d.Attempts, d.QueuedAt, d.SentAt, d.LastError, d.GatewayId);
}
