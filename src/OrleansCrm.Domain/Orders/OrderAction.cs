namespace OrleansCrm.Domain.Orders;

/// <summary>What can be done to an order, each allowed only from some statuses.</summary>
public enum OrderAction
{
    Confirm,
    Cancel,
    Refund,
    Prepay,
    Extend,
    MoveTrialEnd,
    Ship,
    MarkShipped,
    MarkDelivered,
    Delete,
    ChangeAutoCancel,
    RemoveAnalytics,
    AddNote,
    AddTask,
    SellUpsell,
    HoldFulfillment,
    ReleaseFulfillment,
    CancelFulfillment,
    Discount,
    DecreaseQuantity,
}
