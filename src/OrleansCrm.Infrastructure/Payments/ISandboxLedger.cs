namespace OrleansCrm.Infrastructure.Payments;

/// <summary>
/// Where the sandbox provider keeps what it did, next to the rest of the data, so a test can assert
/// "charged exactly once" after a crash. One row per idempotency key: the first row written for a key
/// wins, however many calls race for it. The ledger decides nothing about money: it hands the
/// gateway's decision function what it needs and stores the answer atomically.
/// </summary>
public interface ISandboxLedger
{
    /// <summary>
    /// Returns the row already stored for the key; otherwise calls <paramref name="decide"/> with the
    /// number of charges already made with <paramref name="cardToken"/> and stores its answer. Charges
    /// with one token are serialised, so exactly one of them is the token's first.
    /// </summary>
    /// <remarks>Only when <paramref name="countsEarlierCharges"/> do charges with one token take turns and see how many came before (the tokens whose answer depends on history); otherwise they pass 0 and run side by side.</remarks>
    Task<SandboxLedgerWrite> RecordChargeAsync(string idempotencyKey, string cardToken, bool countsEarlierCharges, Func<int, SandboxLedgerEntry> decide, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the row already stored for the key; otherwise calls <paramref name="decide"/> with the
    /// charge (null when there is none) and the sum of its refunds so far, and stores its answer. Refunds
    /// of one charge are serialised, so they can never add up to more than the charge. A decision that
    /// throws stores nothing.
    /// </summary>
    Task<SandboxLedgerWrite> RecordRefundAsync(string idempotencyKey, string chargeTransactionId, Func<SandboxLedgerEntry?, long, SandboxLedgerEntry> decide, CancellationToken cancellationToken = default);

    /// <summary>The row stored for the key, or null.</summary>
    Task<SandboxLedgerEntry?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>How many rows carry this key (never more than one: that is the point).</summary>
    Task<int> CountAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Every row whose key starts with the prefix (e.g. an order number), oldest first.</summary>
    Task<IReadOnlyList<SandboxLedgerEntry>> ListAsync(string idempotencyKeyPrefix, CancellationToken cancellationToken = default);

    /// <summary>How many charges (any outcome) were made with this token.</summary>
    Task<int> CountChargesAsync(string cardToken, CancellationToken cancellationToken = default);
}
