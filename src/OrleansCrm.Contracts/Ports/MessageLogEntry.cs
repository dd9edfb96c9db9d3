using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// One message, email or SMS, as the message log shows it: what was sent to whom, about what, from which template
/// version (null for a built-in text or a manual message), and every status it went through. <see cref="Version"/>
/// grows with every change, so a late write never replaces a newer one.
/// </summary>
public sealed record MessageLogEntry(
    string MessageId,
    string Channel,
    string Key,
    string? CustomerId,
    string? OrderNumber,
    string? CallId,
    string? TemplateVersion,
    IReadOnlyList<string> Recipients,
    string? Subject,
    string Body,
    string? HtmlBody,
    DeliveryStatus Status,
    IReadOnlyList<MessageStatusChange> History,
    DateTimeOffset QueuedAt,
    long Version)
{
    public const string Email = "email";
    public const string Sms = "sms";
}
