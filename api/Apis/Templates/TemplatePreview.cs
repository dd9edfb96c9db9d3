namespace OrleansCrm.Api.Apis;

/// <summary>
/// A template rendered for a preview: what it was rendered against (<c>sample</c>, <c>order</c>, <c>booking</c>,
/// <c>call</c>), the subject, the HTML and plain-text bodies, the recipients as resolved, the variables that had no
/// value, why the message would be skipped (if it would), and for SMS its cost.
/// </summary>
public sealed record TemplatePreview(
    string TemplateId,
    long Version,
    string Channel,
    string Source,
    string? Subject,
    string? Html,
    string Text,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> MissingVariables,
    string? SkippedReason,
    SmsCost? Sms);
