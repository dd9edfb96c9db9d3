
namespace OrleansCrm.Domain.Orders;

/// <summary>A change of status, for the order history.</summary>
public sealed record StatusChange(OrderStatus? From, OrderStatus To, DateTimeOffset At, string By, string Reason);
