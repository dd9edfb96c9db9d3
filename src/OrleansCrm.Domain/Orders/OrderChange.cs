
namespace OrleansCrm.Domain.Orders;

/// <summary>
/// A change of the order that is not a status change, for its history: who, when, why and the values.
/// <paramref name="Amount"/> is what the change took off the price; <paramref name="Refund"/> the part of it
/// returned through the provider (the rest lowered a charge still to come). <paramref name="ClientKey"/> is the
/// request's Idempotency-Key, so a retried request finds the change it already made. What the change was is
/// <paramref name="DescriptionWording"/>, rendered at the edge; a change stored by an older build has its English
/// <paramref name="Description"/> and no wording (a change written since has an empty <paramref name="Description"/>).
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
    string? ClientKey = null,
    Wording? DescriptionWording = null);
