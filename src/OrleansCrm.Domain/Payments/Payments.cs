namespace OrleansCrm.Domain.Payments;

/// <summary>What a payment provider answered. <see cref="Unknown"/> means the outcome is not known (a timeout): ask again with the same key, never charge again.</summary>
public enum PaymentStatus
{
    Approved,
    Declined,
    HardDeclined,
    Unknown,
}

/// <summary>A card as the CRM may show it: never more than brand, last four digits and expiry.</summary>
public sealed record CardOnFile(string Brand, string Last4, int ExpiryMonth, int ExpiryYear)
{
    public string Masked => $"XXXX XXXX XXXX {Last4}";
}

/// <summary>A charge of <paramref name="AmountMinor"/> (minor units of <paramref name="Currency"/>) on a provider's card token, under an idempotency key derived from the order and the event.</summary>
public sealed record ChargeRequest(string Provider, string IdempotencyKey, string CardToken, long AmountMinor, string Currency, string Description);

/// <summary>A refund of part or all of an earlier charge, under its own idempotency key.</summary>
public sealed record RefundRequest(string Provider, string IdempotencyKey, string ChargeTransactionId, long AmountMinor, string Currency, string Reason);

/// <summary>The provider's answer to a charge or refund.</summary>
public sealed record PaymentResult(
    PaymentStatus Status,
    string Provider,
    string IdempotencyKey,
    string? TransactionId,
    long AmountMinor,
    string Currency,
    string? DeclineCode,
    string? DeclineReason,
    DateTimeOffset At);
