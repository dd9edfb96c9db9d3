using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts.Wire.Messaging;

/// <summary>A <see cref="MessageStatusChange"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.MessageStatusChange.v1")]
public readonly record struct MessageStatusChangeSurrogate(
    [property: Id(0)] DeliveryStatus Status,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Detail);

/// <summary>Turns a <see cref="MessageStatusChange"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class MessageStatusChangeConverter : IConverter<MessageStatusChange, MessageStatusChangeSurrogate>
{
    public MessageStatusChange ConvertFromSurrogate(in MessageStatusChangeSurrogate s) => new(s.Status, s.At, s.Detail);

    public MessageStatusChangeSurrogate ConvertToSurrogate(in MessageStatusChange c) => new(c.Status, c.At, c.Detail);
}
