namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>An event templates may hang on, with the fixed catalog of variables it offers and the fields its constraints may test.</summary>
public sealed record MessageTrigger(
    string Event,
    string Description,
    IReadOnlyList<TemplateVariable> Variables,
    IReadOnlyList<ConstraintField> ConstraintFields)
{
    public bool Offers(string variable) => Variables.Any(v => v.Name == variable);

    public TemplateVariable? Variable(string name) => Variables.FirstOrDefault(v => v.Name == name);

    public ConstraintField? ConstraintField(string name) => ConstraintFields.FirstOrDefault(f => f.Name == name);
}
