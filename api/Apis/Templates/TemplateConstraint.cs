namespace OrleansCrm.Api.Apis;

/// <summary>One condition a template's event must meet: a field of the trigger's catalog and the values (<c>anyOf</c>) or the range (<c>min</c>, <c>max</c>) it must hold.</summary>
public sealed record TemplateConstraint(string? Field, IReadOnlyList<string>? AnyOf = null, int? Min = null, int? Max = null)
{
    public static TemplateConstraint From(Domain.Messaging.Templates.TemplateConstraint c) => new(c.Field, c.AnyOf, c.Min, c.Max);

    public Domain.Messaging.Templates.TemplateConstraint ToDomain() => new(Field, AnyOf, Min, Max);
}
