using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="AnsweredRequest"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.AnsweredRequest.v1")]
public readonly record struct AnsweredRequestSurrogate(
    [property: Id(0)] string Key,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] DateTimeOffset At);

/// <summary>Turns an <see cref="AnsweredRequest"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class AnsweredRequestConverter : IConverter<AnsweredRequest, AnsweredRequestSurrogate>
{
    public AnsweredRequest ConvertFromSurrogate(in AnsweredRequestSurrogate s) => new(s.Key, s.Fingerprint, s.At);

    public AnsweredRequestSurrogate ConvertToSurrogate(in AnsweredRequest a) => new(a.Key, a.Fingerprint, a.At);
}
