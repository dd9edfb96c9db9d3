using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>An outcome the agent confirms (<see cref="OutcomeRequest"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.OutcomeRequest.v1")]
public readonly record struct OutcomeRequestSurrogate(
    [property: Id(0)] string Code,
    [property: Id(1)] string? Comment,
    [property: Id(2)] DateTimeOffset? CallbackAt,
    [property: Id(3)] int? CallbackVisibility,
    [property: Id(4)] int? Invoice);

/// <summary>Turns a <see cref="OutcomeRequest"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OutcomeRequestConverter : IConverter<OutcomeRequest, OutcomeRequestSurrogate>
{
    public OutcomeRequest ConvertFromSurrogate(in OutcomeRequestSurrogate s) => new(s.Code, s.Comment, s.CallbackAt, (CallbackVisibility?)s.CallbackVisibility, (InvoiceAction?)s.Invoice);

    public OutcomeRequestSurrogate ConvertToSurrogate(in OutcomeRequest m) => new(m.Code, m.Comment, m.CallbackAt, (int?)m.CallbackVisibility, (int?)m.Invoice);
}
