using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A dialer's hand-out (its lease and the contact) (<see cref="DialerHandOut"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.DialerHandOut.v1")]
public readonly record struct DialerHandOutSurrogate(
    [property: Id(0)] DialerLease Lease,
    [property: Id(1)] DialerContact Contact);

/// <summary>Turns a <see cref="DialerHandOut"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class DialerHandOutConverter : IConverter<DialerHandOut, DialerHandOutSurrogate>
{
    public DialerHandOut ConvertFromSurrogate(in DialerHandOutSurrogate s) => new(s.Lease, s.Contact);

    public DialerHandOutSurrogate ConvertToSurrogate(in DialerHandOut m) => new(m.Lease, m.Contact);
}
