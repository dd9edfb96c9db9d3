namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// One message an event makes from a campaign template, for one recipient: <paramref name="Key"/> is (event, what
/// the event is about, template id and version, recipient), so the outbox never sends it twice.
/// </summary>
public sealed record TemplateMessage(
    string Key,
    string Channel,
    string To,
    string? Subject,
    string Text,
    string? Html,
    string TemplateId,
    long TemplateVersion,
    string? Sender)
{
    /// <summary>How the message log names the template it was rendered from: <c>id@version</c>.</summary>
    public string TemplateLabel => $"{TemplateId}@{TemplateVersion}";
}
