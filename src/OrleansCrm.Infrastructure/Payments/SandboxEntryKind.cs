namespace OrleansCrm.Infrastructure.Payments;

/// <summary>Whether a ledger row took money from a card or gave it back.</summary>
public enum SandboxEntryKind
{
    Charge,
    Refund,
}
