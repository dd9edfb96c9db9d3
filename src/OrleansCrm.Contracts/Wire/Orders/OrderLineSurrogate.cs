using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="OrderLine"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.OrderLine.v1")]
public readonly record struct OrderLineSurrogate(
    [property: Id(0)] string? Sku,
    [property: Id(1)] int? Quantity);

/// <summary>Turns an <see cref="OrderLine"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OrderLineConverter : IConverter<OrderLine, OrderLineSurrogate>
{
    public OrderLine ConvertFromSurrogate(in OrderLineSurrogate s) => new(s.Sku, s.Quantity);

    public OrderLineSurrogate ConvertToSurrogate(in OrderLine o) => new(o.Sku, o.Quantity);
}
