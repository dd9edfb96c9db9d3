namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>A template text with its variables replaced, and the variables that had no value (each replaced by the missing-value rule).</summary>
public sealed record RenderedText(string Text, IReadOnlyList<string> Missing);
