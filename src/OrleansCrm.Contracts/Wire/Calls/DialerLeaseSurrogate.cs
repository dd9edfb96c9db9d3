using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A dialer's lease of a contact to an agent (<see cref="DialerLease"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.DialerLease.v1")]
public readonly record struct DialerLeaseSurrogate(
    [property: Id(0)] string LeaseId,
    [property: Id(1)] string ContactId,
    [property: Id(2)] string AgentId,
    [property: Id(3)] int Why,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] string? CallId);

/// <summary>Turns a <see cref="DialerLease"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class DialerLeaseConverter : IConverter<DialerLease, DialerLeaseSurrogate>
{
    public DialerLease ConvertFromSurrogate(in DialerLeaseSurrogate s) => new(s.LeaseId, s.ContactId, s.AgentId, (HandOutReason)s.Why, s.ExpiresAt, s.CallId);

    public DialerLeaseSurrogate ConvertToSurrogate(in DialerLease m) => new(m.LeaseId, m.ContactId, m.AgentId, (int)m.Why, m.ExpiresAt, m.CallId);
}
