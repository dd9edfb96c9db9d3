using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Contracts.Wire.Templates;

/// <summary>A <see cref="MessageTemplate"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.MessageTemplate.v1")]
public readonly record struct MessageTemplateSurrogate(
    [property: Id(0)] string? Channel,
    [property: Id(1)] TemplateSender? From,
    [property: Id(2)] IReadOnlyList<string>? Recipients,
    [property: Id(3)] string? Subject,
    [property: Id(4)] string? Body,
    [property: Id(5)] string? HtmlBody,
    [property: Id(6)] IReadOnlyList<string>? Images,
    [property: Id(7)] IReadOnlyList<TemplateAttachment>? Attachments,
    [property: Id(8)] TemplateTrigger? Trigger,
    [property: Id(9)] IReadOnlyList<TemplateConstraint>? Constraints,
    [property: Id(10)] MissingValueRule? MissingValue,
    [property: Id(11)] bool? Enabled);

/// <summary>Turns a <see cref="MessageTemplate"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class MessageTemplateConverter : IConverter<MessageTemplate, MessageTemplateSurrogate>
{
    public MessageTemplate ConvertFromSurrogate(in MessageTemplateSurrogate s) => new(s.Channel, s.From, s.Recipients, s.Subject, s.Body, s.HtmlBody, s.Images, s.Attachments, s.Trigger, s.Constraints, s.MissingValue, s.Enabled);

    public MessageTemplateSurrogate ConvertToSurrogate(in MessageTemplate m) => new(m.Channel, m.From, WireLists.Of(m.Recipients), m.Subject, m.Body, m.HtmlBody, WireLists.Of(m.Images), WireLists.Of(m.Attachments), m.Trigger, WireLists.Of(m.Constraints), m.MissingValue, m.Enabled);
}
