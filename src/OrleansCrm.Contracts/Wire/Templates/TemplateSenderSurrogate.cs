using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Contracts.Wire.Templates;

/// <summary>A <see cref="TemplateSender"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.TemplateSender.v1")]
public readonly record struct TemplateSenderSurrogate(
    [property: Id(0)] string? Address,
    [property: Id(1)] string? Name);

/// <summary>Turns a <see cref="TemplateSender"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class TemplateSenderConverter : IConverter<TemplateSender, TemplateSenderSurrogate>
{
    public TemplateSender ConvertFromSurrogate(in TemplateSenderSurrogate s) => new(s.Address, s.Name);

    public TemplateSenderSurrogate ConvertToSurrogate(in TemplateSender m) => new(m.Address, m.Name);
}
