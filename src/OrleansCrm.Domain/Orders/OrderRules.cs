namespace OrleansCrm.Domain.Orders;

/// <summary>The order state machine: which action each status allows, and a clear refusal otherwise.</summary>
public static class OrderRules
{
    private static readonly Dictionary<OrderAction, OrderStatus[]> AllowedFrom = new()
    {
        [OrderAction.Confirm] = [OrderStatus.Pending],
        [OrderAction.Cancel] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.PaymentFailed],
        [OrderAction.Refund] = [OrderStatus.Trial, OrderStatus.Paid, OrderStatus.Shipping, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Cancelled, OrderStatus.PaymentFailed],
        [OrderAction.Prepay] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial],
        [OrderAction.Extend] = [OrderStatus.Trial],
        [OrderAction.MoveTrialEnd] = [OrderStatus.Trial],
        [OrderAction.Ship] = [OrderStatus.Paid],
        [OrderAction.MarkShipped] = [OrderStatus.Shipping],
        [OrderAction.MarkDelivered] = [OrderStatus.Shipped],
        [OrderAction.Delete] = Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.Deleted).ToArray(),
        [OrderAction.ChangeAutoCancel] = [OrderStatus.Pending, OrderStatus.Confirmed],
        [OrderAction.RemoveAnalytics] = Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.Deleted).ToArray(),
        [OrderAction.AddNote] = Enum.GetValues<OrderStatus>(),
        [OrderAction.AddTask] = Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.Deleted).ToArray(),
        [OrderAction.SellUpsell] = [OrderStatus.Paid, OrderStatus.Shipping, OrderStatus.Shipped, OrderStatus.Delivered],

        // Fulfillment can be held, released or cancelled until the goods have left.
        [OrderAction.HoldFulfillment] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.Paid, OrderStatus.Shipping],
        [OrderAction.ReleaseFulfillment] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.Paid, OrderStatus.Shipping],
        [OrderAction.CancelFulfillment] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.Paid, OrderStatus.Shipping],

        // A discount on anything the customer pays or paid for; fewer items only before they ship.
        [OrderAction.Discount] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.Paid, OrderStatus.Shipping, OrderStatus.Shipped, OrderStatus.Delivered],
        [OrderAction.DecreaseQuantity] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.Paid],
    };

    /// <summary>Statuses the upsell search shows: the customer has really bought.</summary>
    public static IReadOnlyList<OrderStatus> UpsellEligible => AllowedFrom[OrderAction.SellUpsell];

    /// <summary>Statuses in which the order still waits for its money and may cancel itself.</summary>
    public static IReadOnlyList<OrderStatus> Unpaid { get; } = [OrderStatus.Pending, OrderStatus.Confirmed];

    public static bool Allows(OrderStatus status, OrderAction action) => AllowedFrom[action].Contains(status);

    public static void Ensure(string orderNumber, OrderStatus status, OrderAction action)
    {
        if (!Allows(status, action))
        {
            throw Common.DomainException.Conflict(
                $"Cannot {Describe(action)} an order that is {status}",
                $"Order {orderNumber} is {status}; {Describe(action)} is allowed only when it is {string.Join(", ", AllowedFrom[action])}.");
        }
    }

    private static string Describe(OrderAction action) => action switch
    {
        OrderAction.Confirm => "confirm",
        OrderAction.Cancel => "cancel",
        OrderAction.Refund => "refund",
        OrderAction.Prepay => "prepay",
        OrderAction.Extend => "extend the trial of",
        OrderAction.MoveTrialEnd => "move the trial end of",
        OrderAction.Ship => "start shipping",
        OrderAction.MarkShipped => "mark as shipped",
        OrderAction.MarkDelivered => "mark as delivered",
        OrderAction.Delete => "delete",
        OrderAction.ChangeAutoCancel => "change the auto-cancel date of",
        OrderAction.RemoveAnalytics => "remove the analytics of",
        OrderAction.AddNote => "add a note to",
        OrderAction.AddTask => "add a task to",
        OrderAction.SellUpsell => "sell an upsell on",
        OrderAction.HoldFulfillment => "hold the fulfillment of",
        OrderAction.ReleaseFulfillment => "release the fulfillment of",
        OrderAction.CancelFulfillment => "cancel the fulfillment of",
        OrderAction.Discount => "give a discount on",
        OrderAction.DecreaseQuantity => "decrease a quantity of",
        _ => action.ToString(),
    };
}
