namespace OrleansCrm.Domain.Calls;

/// <summary>A campaign's contacts due now, by stage: private callbacks, public callbacks, retries, new leads (they add up to <see cref="DialerStats.Due"/>).</summary>
public sealed record DueByStage(int PrivateCallbacks, int PublicCallbacks, int Retries, int New);
