
namespace OrleansCrm.Domain.Orders;

/// <summary>
/// What the customer's one-time extension would do, as the page of the emailed link shows it: the
/// <paramref name="Amount"/> due at <paramref name="ChargeAt"/> is charged at <paramref name="ExtendedChargeAt"/> instead.
/// </summary>
public sealed record TrialExtensionOffer(
    string OrderNumber, IReadOnlyList<OrderItem> Items, string Currency, decimal Amount, DateTimeOffset ChargeAt, DateTimeOffset ExtendedChargeAt,
    int ExtensionDays, string TimeZone);
