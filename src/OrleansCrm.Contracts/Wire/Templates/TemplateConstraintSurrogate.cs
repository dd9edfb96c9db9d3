using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Contracts.Wire.Templates;

/// <summary>A <see cref="TemplateConstraint"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.TemplateConstraint.v1")]
public readonly record struct TemplateConstraintSurrogate(
    [property: Id(0)] string? Field,
    [property: Id(1)] IReadOnlyList<string>? AnyOf,
    [property: Id(2)] int? Min,
    [property: Id(3)] int? Max);

/// <summary>Turns a <see cref="TemplateConstraint"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class TemplateConstraintConverter : IConverter<TemplateConstraint, TemplateConstraintSurrogate>
{
    public TemplateConstraint ConvertFromSurrogate(in TemplateConstraintSurrogate s) => new(s.Field, s.AnyOf, s.Min, s.Max);

    public TemplateConstraintSurrogate ConvertToSurrogate(in TemplateConstraint m) => new(m.Field, WireLists.Of(m.AnyOf), m.Min, m.Max);
}
