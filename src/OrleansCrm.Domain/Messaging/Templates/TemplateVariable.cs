namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>A variable a trigger offers: its dotted name (written <c>{$name}</c>), what it holds, and the value the preview's sample data gives it.</summary>
public sealed record TemplateVariable(string Name, string Kind, string Description, string Sample);
