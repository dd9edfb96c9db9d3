using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Ports;

/// <summary>An order as searches see it, with the instant its next scheduled work falls due (null: none pending).</summary>
public sealed record OrderEntry(
    string Number,
    string CustomerId,
    string CustomerName,
    string? CustomerEmail,
    string CustomerPhone,
    OrderStatus Status,
    string Currency,
    decimal Total,
    bool IsTrial,
    DateTimeOffset PlacedAt,
    string? MainOrderNumber,
    long Version,
    DateTimeOffset? NextDueAt = null)
{
    private readonly decimal total = Domain.Common.Currency.Get(Currency).Exactly(Total);

    /// <summary>At its currency's precision, whichever store it was read from (PostgreSQL's numeric column has a scale of its own).</summary>
    public decimal Total { get => total; init => total = Domain.Common.Currency.Get(Currency).Exactly(value); }
}

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

/// <summary>The orders' search index, upserted by the order grain after every change (newest version wins).</summary>
public interface IOrderDirectory
{
    Task UpsertAsync(OrderEntry entry, CancellationToken cancellationToken = default);

    Task<Page<OrderEntry>> SearchAsync(OrderQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Orders whose next scheduled work fell due before <paramref name="dueBefore"/> and is still pending by their row:
    /// work whose reminder is missing or never ran (a due item is done within a retry period or two). Earliest first.
    /// </summary>
    Task<Page<OrderEntry>> OverdueAsync(DateTimeOffset dueBefore, int skip, int take, CancellationToken cancellationToken = default);
}
