using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts.Wire.Messaging;

/// <summary>An <see cref="EmailDelivery"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.EmailDelivery.v1")]
public readonly record struct EmailDeliverySurrogate(
    [property: Id(0)] string Key,
    [property: Id(1)] string MessageId,
    [property: Id(2)] string Recipient,
    [property: Id(3)] DeliveryStatus Status,
    [property: Id(4)] int Attempts,
    [property: Id(5)] DateTimeOffset QueuedAt,
    [property: Id(6)] DateTimeOffset? SentAt,
    [property: Id(7)] string? LastError);

/// <summary>Turns an <see cref="EmailDelivery"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class EmailDeliveryConverter : IConverter<EmailDelivery, EmailDeliverySurrogate>
{
    public EmailDelivery ConvertFromSurrogate(in EmailDeliverySurrogate s) =>
        new(s.Key, s.MessageId, s.Recipient, s.Status, s.Attempts, s.QueuedAt, s.SentAt, s.LastError);

    public EmailDeliverySurrogate ConvertToSurrogate(in EmailDelivery d) =>
        new(d.Key, d.MessageId, d.Recipient, d.Status, d.Attempts, d.QueuedAt, d.SentAt, d.LastError);
}
