
namespace OrleansCrm.Domain.Orders;

/// <summary>Where the order's fulfillment stands besides its status: it goes ahead, waits on hold, or will not happen.</summary>
public enum FulfillmentState
{
    Open,
    OnHold,
    Cancelled,
}
