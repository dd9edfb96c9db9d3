
namespace OrleansCrm.Domain.Orders;

/// <summary>
/// A change of the order that is not a status change, for its history: who, when, why and the values.
/// <paramref name="Amount"/> is what the change took off the price; <paramref name="Refund"/> the part of it
/// returned through the provider (the rest lowered a charge still to come). <paramref name="ClientKey"/> is the
/// request's Idempotency-Key, so a retried request finds the change it already made.
/// </summary>
public sealed record OrderChange(
    string Id,
    OrderChangeKind Kind,
    DateTimeOffset At,
    string By,
    string Description,
    string? Reason = null,
    decimal? Amount = null,
    decimal? Refund = null,
    string? Sku = null,
    int? FromQuantity = null,
    int? ToQuantity = null,
    string? ClientKey = null);
