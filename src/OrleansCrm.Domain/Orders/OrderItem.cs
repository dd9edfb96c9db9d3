
namespace OrleansCrm.Domain.Orders;

/// <summary>A line of the order.</summary>
public sealed record OrderItem(string Sku, string Name, int Quantity, decimal UnitPrice, decimal Total);
