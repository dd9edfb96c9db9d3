namespace OrleansCrm.Domain.Payments;

/// <summary>A refund of part or all of an earlier charge, under its own idempotency key.</summary>
public sealed record RefundRequest(string Provider, string IdempotencyKey, string ChargeTransactionId, long AmountMinor, string Currency, string Reason);
