namespace OrleansCrm.Api.Apis;

/// <summary>One trigger of the fixed catalog: its event, what it is, the variables it offers and the fields its constraints may test.</summary>
public sealed record MessageTrigger(string Event, string Description, IReadOnlyList<TemplateVariable> Variables, IReadOnlyList<ConstraintField> ConstraintFields)
{
    public static MessageTrigger From(Domain.Messaging.Templates.MessageTrigger t) =>
        new(t.Event, t.Description, t.Variables.Select(TemplateVariable.From).ToList(), t.ConstraintFields.Select(ConstraintField.From).ToList());
}
