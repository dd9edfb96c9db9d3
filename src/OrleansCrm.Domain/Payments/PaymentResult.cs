namespace OrleansCrm.Domain.Payments;

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
