using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>A template's rule for a variable without a value: <see cref="MissingValueKinds.Default"/> with a text, or <see cref="MissingValueKinds.Skip"/>.</summary>
public sealed record MissingValueRule(string? Kind, [FreeText] string? DefaultText = null)
{
    public static MissingValueRule Skip { get; } = new(MissingValueKinds.Skip);
}
