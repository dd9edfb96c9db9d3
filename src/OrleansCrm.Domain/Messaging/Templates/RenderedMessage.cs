namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// A template made into a message for one event: subject (email), text body, HTML body (email), the recipients as
/// resolved, and the variables that had no value. <see cref="SkippedReason"/> is set when the message must not be
/// sent (a variable without a value under the Skip rule, or no recipient left); it never holds a raw placeholder.
/// </summary>
public sealed record RenderedMessage(
    string Channel,
    string? Subject,
    string Text,
    string? Html,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> MissingVariables,
    string? SkippedReason)
{
    public bool Skipped => SkippedReason is not null;
}
