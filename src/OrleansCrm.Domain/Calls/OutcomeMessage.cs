namespace OrleansCrm.Domain.Calls;

/// <summary>
/// One message a confirmed outcome makes from a campaign template on the <c>outcome</c> trigger, for one recipient:
/// <paramref name="Key"/> is (event, call, template id and version, recipient), so the outbox never sends it twice.
/// </summary>
public sealed record OutcomeMessage(
    string Key,
    string Channel,
    string To,
    string? Subject,
    string Text,
    string? Html,
    string TemplateId,
    long TemplateVersion,
    string? Sender);
