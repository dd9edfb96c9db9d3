namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>What is wrong with a template text at one place (a variable never closed, a name that is not a dotted path).</summary>
public sealed record TemplateTextProblem(string Message, int Offset, int Line, int Column);
