
namespace OrleansCrm.Domain.Orders;

public enum OrderChangeKind
{
    FulfillmentHeld,
    FulfillmentReleased,
    FulfillmentCancelled,
    Discount,
    QuantityDecreased,
}
