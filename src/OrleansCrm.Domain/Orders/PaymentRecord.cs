using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Domain.Orders;

/// <summary>One row of the payment history.</summary>
public sealed record PaymentRecord(
    string Id,
    PaymentKind Kind,
    decimal Amount,
    string Currency,
    DateTimeOffset At,
    string Provider,
    string? TransactionId,
    PaymentStatus Status,
    string? EventId,
    string? DeclineReason,
    string IdempotencyKey,
    string? RefundOf = null);
