using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Contracts.Wire.Templates;

/// <summary>A <see cref="MissingValueRule"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.MissingValueRule.v1")]
public readonly record struct MissingValueRuleSurrogate(
    [property: Id(0)] string? Kind,
    [property: Id(1)] string? DefaultText);

/// <summary>Turns a <see cref="MissingValueRule"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class MissingValueRuleConverter : IConverter<MissingValueRule, MissingValueRuleSurrogate>
{
    public MissingValueRule ConvertFromSurrogate(in MissingValueRuleSurrogate s) => new(s.Kind, s.DefaultText);

    public MissingValueRuleSurrogate ConvertToSurrogate(in MissingValueRule m) => new(m.Kind, m.DefaultText);
}
