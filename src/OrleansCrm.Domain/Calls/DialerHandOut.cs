namespace OrleansCrm.Domain.Calls;

/// <summary>What <c>dialer/next</c> answers: the lease and the contact.</summary>
public sealed record DialerHandOut(DialerLease Lease, DialerContact Contact);
