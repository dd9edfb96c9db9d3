namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>A template text cut into its parts, with what could not be read.</summary>
public sealed record ParsedTemplateText(IReadOnlyList<TemplatePart> Parts, IReadOnlyList<TemplateTextProblem> Problems)
{
    public IEnumerable<TemplatePart> Variables => Parts.Where(p => p.IsVariable);
}
