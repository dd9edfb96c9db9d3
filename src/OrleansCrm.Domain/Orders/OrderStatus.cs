namespace OrleansCrm.Domain.Orders;

/// <summary>Where an order stands. Deleted is soft: kept for audit, hidden from search.</summary>
public enum OrderStatus
{
    Pending,
    Confirmed,
    Trial,
    Paid,
    Shipping,
    Shipped,
    Delivered,
    PaymentFailed,
    Cancelled,
    Refunded,
    Deleted,
}
