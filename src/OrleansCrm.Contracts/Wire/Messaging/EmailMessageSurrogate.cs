using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts.Wire.Messaging;

/// <summary>An <see cref="EmailMessage"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.EmailMessage.v1")]
public readonly record struct EmailMessageSurrogate(
    [property: Id(0)] string Key,
    [property: Id(1)] string To,
    [property: Id(2)] string? ToName,
    [property: Id(3)] string Subject,
    [property: Id(4)] string TextBody,
    [property: Id(5)] string? HtmlBody,
    [property: Id(6)] EmailOwner? Owner,
    [property: Id(7)] MessageContext? Context);

/// <summary>Turns an <see cref="EmailMessage"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class EmailMessageConverter : IConverter<EmailMessage, EmailMessageSurrogate>
{
    public EmailMessage ConvertFromSurrogate(in EmailMessageSurrogate s) => new(s.Key, s.To, s.ToName, s.Subject, s.TextBody, s.HtmlBody, s.Owner, s.Context);

    public EmailMessageSurrogate ConvertToSurrogate(in EmailMessage m) => new(m.Key, m.To, m.ToName, m.Subject, m.TextBody, m.HtmlBody, m.Owner, m.Context);
}
