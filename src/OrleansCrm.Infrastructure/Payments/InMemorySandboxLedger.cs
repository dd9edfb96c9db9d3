using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Infrastructure.Payments;

/// <summary>The embedded profile's sandbox ledger: the same contract as PostgreSQL, kept in this process.</summary>
public sealed class InMemorySandboxLedger : ISandboxLedger
{
    // One lock for everything: a sandbox ledger is small, and a single order of writes is what makes
    // "first charge with a token" and "refunds never exceed the charge" hold.
    private readonly Lock gate = new();
    private readonly Dictionary<string, SandboxLedgerEntry> byKey = new(StringComparer.Ordinal);
    private readonly List<SandboxLedgerEntry> inOrder = [];

    public Task<SandboxLedgerWrite> RecordChargeAsync(string idempotencyKey, string cardToken, bool countsEarlierCharges, Func<int, SandboxLedgerEntry> decide, CancellationToken cancellationToken = default) =>
        Run(() =>
        {
            lock (gate)
            {
                if (byKey.TryGetValue(idempotencyKey, out var stored))
                {
                    return new SandboxLedgerWrite(stored, false);
                }

                var earlier = countsEarlierCharges ? inOrder.Count(e => e.Kind == SandboxEntryKind.Charge && e.CardToken == cardToken) : 0;
                return Store(idempotencyKey, decide(earlier));
            }
        }, cancellationToken);

    public Task<SandboxLedgerWrite> RecordRefundAsync(string idempotencyKey, string chargeTransactionId, Func<SandboxLedgerEntry?, long, SandboxLedgerEntry> decide, CancellationToken cancellationToken = default) =>
        Run(() =>
        {
            lock (gate)
            {
                if (byKey.TryGetValue(idempotencyKey, out var stored))
                {
                    return new SandboxLedgerWrite(stored, false);
                }

                var charge = inOrder.Find(e => e.Kind == SandboxEntryKind.Charge && e.Result.TransactionId == chargeTransactionId);
                var refunded = inOrder
                    .Where(e => e.Kind == SandboxEntryKind.Refund && e.ChargeTransactionId == chargeTransactionId && e.Result.Status == PaymentStatus.Approved)
                    .Sum(e => e.Result.AmountMinor);
                return Store(idempotencyKey, decide(charge, refunded));
            }
        }, cancellationToken);

    public Task<SandboxLedgerEntry?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        Run(() =>
        {
            lock (gate)
            {
                return byKey.GetValueOrDefault(idempotencyKey);
            }
        }, cancellationToken);

    public Task<int> CountAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        Run(() =>
        {
            lock (gate)
            {
                return inOrder.Count(e => e.IdempotencyKey == idempotencyKey);
            }
        }, cancellationToken);

    public Task<IReadOnlyList<SandboxLedgerEntry>> ListAsync(string idempotencyKeyPrefix, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<SandboxLedgerEntry>>(() =>
        {
            lock (gate)
            {
                return inOrder.Where(e => e.IdempotencyKey.StartsWith(idempotencyKeyPrefix, StringComparison.Ordinal)).ToList();
            }
        }, cancellationToken);

    public Task<int> CountChargesAsync(string cardToken, CancellationToken cancellationToken = default) =>
        Run(() =>
        {
            lock (gate)
            {
                return inOrder.Count(e => e.Kind == SandboxEntryKind.Charge && e.CardToken == cardToken);
            }
        }, cancellationToken);

    private SandboxLedgerWrite Store(string idempotencyKey, SandboxLedgerEntry entry)
    {
        if (entry.IdempotencyKey != idempotencyKey)
        {
            throw new InvalidOperationException("The decided ledger entry carries another idempotency key.");
        }

        if (inOrder.Exists(e => e.Result.TransactionId == entry.Result.TransactionId))
        {
            throw new InvalidOperationException("The decided ledger entry reuses a transaction id.");
        }

        byKey.Add(idempotencyKey, entry);
        inOrder.Add(entry);
        return new SandboxLedgerWrite(entry, true);
    }

    // A failed decision surfaces as a faulted task, as it would from the PostgreSQL ledger.
    private static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(work());
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }
}
