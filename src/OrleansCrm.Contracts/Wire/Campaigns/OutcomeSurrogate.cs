using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Contracts.Wire.Campaigns;

/// <summary>An entry of a campaign's outcome menu (<see cref="Outcome"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Outcome.v1")]
public readonly record struct OutcomeSurrogate(
    [property: Id(0)] string? Code,
    [property: Id(1)] string? Label,
    [property: Id(2)] int? Type,
    [property: Id(3)] string? Color,
    [property: Id(4)] bool Quick,
    [property: Id(5)] bool BuiltIn,
    [property: Id(6)] bool? HumanContact,
    [property: Id(7)] bool? Sale);

/// <summary>
/// Turns a <see cref="Outcome"/> into its surrogate and back; one contract with it, so one file. An outcome stored
/// before the flags existed loads without them, and counts with their defaults (<see cref="Outcome.CountsAsHumanContact"/>).
/// </summary>
[RegisterConverter]
public sealed class OutcomeConverter : IConverter<Outcome, OutcomeSurrogate>
{
    public Outcome ConvertFromSurrogate(in OutcomeSurrogate s) => new(s.Code, s.Label, (OutcomeType?)s.Type, s.Color, s.Quick, s.BuiltIn, s.HumanContact, s.Sale);

    public OutcomeSurrogate ConvertToSurrogate(in Outcome m) => new(m.Code, m.Label, (int?)m.Type, m.Color, m.Quick, m.BuiltIn, m.HumanContact, m.Sale);
}
