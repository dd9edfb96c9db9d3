using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Grains.Orders;

[GenerateSerializer, Alias("OrleansCrm.OrderState")]
public sealed class OrderState
{
    [Id(0)]
    public Order? Order { get; set; }

    [Id(1)]
    public long Version { get; set; }

    /// <summary>What the order's reminder is armed for, stored with the order it was planned for.</summary>
    [Id(2)]
    public ArmedDueWork Armed { get; set; } = new();

    /// <summary>The order's events (cancelled, deleted) whose templates were handed to the outbox: each is announced once.</summary>
    [Id(3)]
    public List<string>? Announced { get; set; }
}
