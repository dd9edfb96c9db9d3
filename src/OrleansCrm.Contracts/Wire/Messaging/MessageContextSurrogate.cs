using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts.Wire.Messaging;

/// <summary>A <see cref="MessageContext"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.MessageContext.v1")]
public readonly record struct MessageContextSurrogate(
    [property: Id(0)] string? CustomerId,
    [property: Id(1)] string? OrderNumber,
    [property: Id(2)] string? CallId,
    [property: Id(3)] string? TemplateVersion);

/// <summary>Turns a <see cref="MessageContext"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class MessageContextConverter : IConverter<MessageContext, MessageContextSurrogate>
{
    public MessageContext ConvertFromSurrogate(in MessageContextSurrogate s) => new(s.CustomerId, s.OrderNumber, s.CallId, s.TemplateVersion);

    public MessageContextSurrogate ConvertToSurrogate(in MessageContext c) => new(c.CustomerId, c.OrderNumber, c.CallId, c.TemplateVersion);
}
