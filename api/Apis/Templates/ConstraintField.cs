namespace OrleansCrm.Api.Apis;

/// <summary>A field a trigger's constraints may test, with its kind and what it holds.</summary>
public sealed record ConstraintField(string Name, string Kind, string Description)
{
    public static ConstraintField From(Domain.Messaging.Templates.ConstraintField f) => new(f.Name, f.Kind, f.Description);
}
