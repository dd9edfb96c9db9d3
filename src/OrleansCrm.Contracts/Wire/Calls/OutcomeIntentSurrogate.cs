using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>An outcome stored on its call before its effects (<see cref="OutcomeIntent"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.OutcomeIntent.v1")]
public readonly record struct OutcomeIntentSurrogate(
    [property: Id(0)] OutcomeDecision Decision,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string By);

/// <summary>Turns a <see cref="OutcomeIntent"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OutcomeIntentConverter : IConverter<OutcomeIntent, OutcomeIntentSurrogate>
{
    public OutcomeIntent ConvertFromSurrogate(in OutcomeIntentSurrogate s) => new(s.Decision, s.At, s.By);

    public OutcomeIntentSurrogate ConvertToSurrogate(in OutcomeIntent m) => new(m.Decision, m.At, m.By);
}
