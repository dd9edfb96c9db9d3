namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// A piece of a template text: literal text (<see cref="Variable"/> null), or a variable <c>{$name}</c> /
/// <c>{$name:format}</c> with where it stands (offset from 0, and line and column from 1).
/// </summary>
public sealed record TemplatePart(string Text, string? Variable, string? Format, int Offset, int Line, int Column)
{
    public bool IsVariable => Variable is not null;

    /// <summary>Where the part stands, as a person reads it: "line 2, column 7".</summary>
    public string Position => $"line {Line}, column {Column}";
}
