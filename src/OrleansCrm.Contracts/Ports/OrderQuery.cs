using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// A search over orders: any of <paramref name="Statuses"/>; <paramref name="Text"/> in the number, customer
/// name, email or phone; placed in [<paramref name="From"/>, <paramref name="To"/>); of one customer. Deleted orders never appear.
/// </summary>
public sealed record OrderQuery(
    IReadOnlyList<OrderStatus>? Statuses = null,
    string? Text = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? CustomerId = null,
    int Skip = 0,
    int Take = 50);
