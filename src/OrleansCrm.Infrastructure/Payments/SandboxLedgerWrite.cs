namespace OrleansCrm.Infrastructure.Payments;

/// <summary>What a write to the ledger left there: the row stored for the key, and whether this call stored it (false: an earlier call did).</summary>
public sealed record SandboxLedgerWrite(SandboxLedgerEntry Entry, bool Recorded);
