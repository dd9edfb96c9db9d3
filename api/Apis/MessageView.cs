using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// One message of the message log, email or SMS: the rendered content, the recipients, what it is about, the template
/// version it used (null for a built-in text or a manual message), its status and every status it went through.
/// </summary>
public sealed record MessageView(
    string MessageId,
    string Channel,
    DeliveryStatus Status,
    IReadOnlyList<string> Recipients,
    string? Subject,
    string Body,
    string? HtmlBody,
    string? CustomerId,
    string? OrderNumber,
    string? CallId,
    string? TemplateVersion,
    DateTimeOffset QueuedAt,
    IReadOnlyList<MessageStatusView> History)
{
    public static MessageView From(MessageLogEntry e) =>
        new(e.MessageId, e.Channel, e.Status, e.Recipients, e.Subject, e.Body, e.HtmlBody, e.CustomerId, e.OrderNumber, e.CallId, e.TemplateVersion, e.QueuedAt,
            [.. e.History.Select(h => new MessageStatusView(h.Status, h.At, h.Detail))]);
}
