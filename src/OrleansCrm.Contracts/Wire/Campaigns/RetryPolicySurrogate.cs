using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Contracts.Wire.Campaigns;

/// <summary>A campaign's retry policy (<see cref="RetryPolicy"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.RetryPolicy.v1")]
public readonly record struct RetryPolicySurrogate(
    [property: Id(0)] int? FirstRetryMinutes,
    [property: Id(1)] int? NextRetryMinutes,
    [property: Id(2)] int? PrivateCallbackGraceMinutes);

/// <summary>Turns a <see cref="RetryPolicy"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class RetryPolicyConverter : IConverter<RetryPolicy, RetryPolicySurrogate>
{
    public RetryPolicy ConvertFromSurrogate(in RetryPolicySurrogate s) => new(s.FirstRetryMinutes, s.NextRetryMinutes, s.PrivateCallbackGraceMinutes);

    public RetryPolicySurrogate ConvertToSurrogate(in RetryPolicy m) => new(m.FirstRetryMinutes, m.NextRetryMinutes, m.PrivateCallbackGraceMinutes);
}
