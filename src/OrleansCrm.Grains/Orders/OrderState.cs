using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Grains.Orders;

[GenerateSerializer, Alias("OrleansCrm.OrderState")]
public sealed class OrderState
{
    [Id(0)]
    public Order? Order { get; set; }

    [Id(1)]
    public long Version { get; set; }
}
