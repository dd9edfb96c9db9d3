using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Contracts.Wire.Messaging;

/// <summary>An <see cref="SmsMessage"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.SmsMessage.v1")]
public readonly record struct SmsMessageSurrogate(
    [property: Id(0)] string Key,
    [property: Id(1)] string To,
    [property: Id(2)] string Text,
    [property: Id(3)] SmsKind Kind,
    [property: Id(4)] string? TimeZone,
    [property: Id(5)] QuietHours? QuietHours,
    [property: Id(6)] MessageContext? Context,
    [property: Id(7)] string? Sender,
    [property: Id(8)] string? CampaignId);

/// <summary>Turns an <see cref="SmsMessage"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class SmsMessageConverter : IConverter<SmsMessage, SmsMessageSurrogate>
{
    public SmsMessage ConvertFromSurrogate(in SmsMessageSurrogate s) => new(s.Key, s.To, s.Text, s.Kind, s.TimeZone, s.QuietHours, s.Context, s.Sender, s.CampaignId);

    public SmsMessageSurrogate ConvertToSurrogate(in SmsMessage m) => new(m.Key, m.To, m.Text, m.Kind, m.TimeZone, m.QuietHours, m.Context, m.Sender, m.CampaignId);
}
