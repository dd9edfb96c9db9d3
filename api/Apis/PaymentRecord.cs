using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Api.Apis;

/// <summary>One row of an order's payment history as the API shows it (OpenAPI schema <c>PaymentRecord</c>, as before).</summary>
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
    string? RefundOf = null)
{
    public static PaymentRecord From(Domain.Orders.PaymentRecord p) =>
        new(p.Id, p.Kind, p.Amount, p.Currency, p.At, p.Provider, p.TransactionId, p.Status, p.EventId, p.DeclineReason, p.IdempotencyKey, p.RefundOf);

    public static IReadOnlyList<PaymentRecord> Of(IEnumerable<Domain.Orders.PaymentRecord> payments) => payments.Select(From).ToList();
}
