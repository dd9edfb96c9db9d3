using OrleansCrm.Domain.Orders;
using OrleansCrm.Presentation;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// A change of the order that is not a status change, as its history shows it (OpenAPI schema <c>OrderChange</c>, as before):
/// its description rendered in English (a change an older build stored shows the English text it stored).
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
    string? ClientKey = null)
{
    public static OrderChange From(Domain.Orders.OrderChange c) =>
        new(c.Id, c.Kind, c.At, c.By, EnglishWording.Description(c), c.Reason, c.Amount, c.Refund, c.Sku, c.FromQuantity, c.ToQuantity, c.ClientKey);

    public static IReadOnlyList<OrderChange> Of(IEnumerable<Domain.Orders.OrderChange> changes) => changes.Select(From).ToList();
}
