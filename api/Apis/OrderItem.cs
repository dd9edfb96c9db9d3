namespace OrleansCrm.Api.Apis;

/// <summary>A line of the order as the order page shows it (OpenAPI schema <c>OrderItem</c>, as before).</summary>
public sealed record OrderItem(string Sku, string Name, int Quantity, decimal UnitPrice, decimal Total)
{
    public static OrderItem From(Domain.Orders.OrderItem i) => new(i.Sku, i.Name, i.Quantity, i.UnitPrice, i.Total);

    public static IReadOnlyList<OrderItem> Of(IEnumerable<Domain.Orders.OrderItem> items) => items.Select(From).ToList();
}
