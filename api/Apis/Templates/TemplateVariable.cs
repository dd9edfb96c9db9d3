namespace OrleansCrm.Api.Apis;

/// <summary>A variable a trigger offers: its dotted name, its kind (text, instant, …), what it holds and a sample value.</summary>
public sealed record TemplateVariable(string Name, string Kind, string Description, string Sample)
{
    public static TemplateVariable From(Domain.Messaging.Templates.TemplateVariable v) => new(v.Name, v.Kind, v.Description, v.Sample);
}
