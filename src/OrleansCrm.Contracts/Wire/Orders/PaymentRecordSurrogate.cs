using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>A <see cref="PaymentRecord"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.PaymentRecord.v1")]
public readonly record struct PaymentRecordSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] PaymentKind Kind,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string Provider,
    [property: Id(6)] string? TransactionId,
    [property: Id(7)] Domain.Payments.PaymentStatus Status,
    [property: Id(8)] string? EventId,
    [property: Id(9)] string? DeclineReason,
    [property: Id(10)] string IdempotencyKey,
    [property: Id(11)] string? RefundOf);

/// <summary>Turns a <see cref="PaymentRecord"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class PaymentRecordConverter : IConverter<PaymentRecord, PaymentRecordSurrogate>
{
    public PaymentRecord ConvertFromSurrogate(in PaymentRecordSurrogate s) => new(s.Id, s.Kind, s.Amount, s.Currency, s.At, s.Provider, s.TransactionId, s.Status, s.EventId, s.DeclineReason, s.IdempotencyKey, s.RefundOf);

    public PaymentRecordSurrogate ConvertToSurrogate(in PaymentRecord p) => new(p.Id, p.Kind, p.Amount, p.Currency, p.At, p.Provider, p.TransactionId, p.Status, p.EventId, p.DeclineReason, p.IdempotencyKey, p.RefundOf);
}
