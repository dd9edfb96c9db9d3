using OrleansCrm.Domain.Orders;
using OrleansCrm.Presentation;

namespace OrleansCrm.Api.Presentation;

/// <summary>
/// A change of the order as the api shows it: the domain's change with its description rendered in English (a change an
/// older build stored shows the English text it stored).
/// </summary>
public sealed record OrderChange(
    string Id,
    OrderChangeKind Kind,
    DateTimeOffset At,
    string By,
    string Description,
    string? Reason,
    decimal? Amount,
    decimal? Refund,
    string? Sku,
    int? FromQuantity,
    int? ToQuantity,
    string? ClientKey)
{
    public static OrderChange Of(Domain.Orders.OrderChange c) =>
        new(c.Id, c.Kind, c.At, c.By, EnglishWording.Description(c), c.Reason, c.Amount, c.Refund, c.Sku, c.FromQuantity, c.ToQuantity, c.ClientKey);

    public static IReadOnlyList<OrderChange> Of(IEnumerable<Domain.Orders.OrderChange> changes) => changes.Select(Of).ToList();
}
