using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A decided outcome (the call cycle's message to the contact) (<see cref="OutcomeDecision"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.OutcomeDecision.v1")]
public readonly record struct OutcomeDecisionSurrogate(
    [property: Id(0)] Outcome Outcome,
    [property: Id(1)] string? Comment,
    [property: Id(2)] int Effect,
    [property: Id(3)] DateTimeOffset? CallbackAt,
    [property: Id(4)] int? Visibility,
    [property: Id(5)] int? Invoice);

/// <summary>Turns a <see cref="OutcomeDecision"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OutcomeDecisionConverter : IConverter<OutcomeDecision, OutcomeDecisionSurrogate>
{
    public OutcomeDecision ConvertFromSurrogate(in OutcomeDecisionSurrogate s) => new(s.Outcome, s.Comment, (OutcomeEffect)s.Effect, s.CallbackAt, (CallbackVisibility?)s.Visibility, (InvoiceAction?)s.Invoice);

    public OutcomeDecisionSurrogate ConvertToSurrogate(in OutcomeDecision m) => new(m.Outcome, m.Comment, (int)m.Effect, m.CallbackAt, (int?)m.Visibility, (int?)m.Invoice);
}
