namespace OrleansCrm.Domain.Calls;

/// <summary>
/// One message a booking event makes from a campaign template, for one recipient: <paramref name="Key"/> is
/// (event, booking, template id and version, recipient), so the outbox never sends it twice.
/// </summary>
public sealed record BookingMessage(
    string Key,
    string Channel,
    string To,
    string? Subject,
    string Text,
    string? Html,
    string TemplateId,
    long TemplateVersion,
    string? Sender);
