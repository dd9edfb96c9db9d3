namespace OrleansCrm.Domain.Messaging.Sms;

/// <summary>
/// An SMS to send. <paramref name="Key"/> is stable for the business event (the event, the template version, the
/// recipient): the outbox sends each key at most once. <paramref name="To"/> is E.164. <paramref name="TimeZone"/> is the
/// recipient's IANA zone, which the <paramref name="QuietHours"/> of an automated message are read in (none: the default
/// setting applies). <paramref name="CampaignId"/> names the campaign an automated message is sent for: its quiet hours
/// apply when the message carries none of its own.
/// </summary>
public sealed record SmsMessage(
    string Key,
    string To,
    string Text,
    SmsKind Kind,
    string? TimeZone = null,
    QuietHours? QuietHours = null,
    MessageContext? Context = null,
    string? Sender = null,
    string? CampaignId = null);
