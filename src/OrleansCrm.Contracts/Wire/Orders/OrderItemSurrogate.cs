using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="OrderItem"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.OrderItem.v1")]
public readonly record struct OrderItemSurrogate(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal UnitPrice,
    [property: Id(4)] decimal Total);

/// <summary>Turns an <see cref="OrderItem"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OrderItemConverter : IConverter<OrderItem, OrderItemSurrogate>
{
    public OrderItem ConvertFromSurrogate(in OrderItemSurrogate s) => new(s.Sku, s.Name, s.Quantity, s.UnitPrice, s.Total);

    public OrderItemSurrogate ConvertToSurrogate(in OrderItem o) => new(o.Sku, o.Name, o.Quantity, o.UnitPrice, o.Total);
}
