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
