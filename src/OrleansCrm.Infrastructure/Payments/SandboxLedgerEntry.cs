using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Infrastructure.Payments;

/// <summary>
/// One row of the sandbox provider's ledger: the result it answered for an idempotency key. A charge
/// keeps the provider token it was made with (never a card number); a refund names its charge.
/// </summary>
public sealed record SandboxLedgerEntry(SandboxEntryKind Kind, PaymentResult Result, string? CardToken, string? ChargeTransactionId)
{
    public string IdempotencyKey => Result.IdempotencyKey;

    public static SandboxLedgerEntry Charge(PaymentResult result, string cardToken) => new(SandboxEntryKind.Charge, result, cardToken, null);

    public static SandboxLedgerEntry Refund(PaymentResult result, string chargeTransactionId) => new(SandboxEntryKind.Refund, result, null, chargeTransactionId);
}
