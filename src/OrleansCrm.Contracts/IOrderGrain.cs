using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts;

/// <summary>An order, keyed by its order number: status, amounts, payments, sales workflow, notes, tasks.</summary>
[Alias("OrleansCrm.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Places the order (charging the first amount at once); placing an order that exists returns it unchanged.</summary>
    [Alias("Place")]
    Task<Order> PlaceAsync([Immutable] PlaceOrder request, string placedBy);

    [Alias("Get")]
    Task<Order?> GetAsync();

    [Alias("Extend")]
    Task<Order> ExtendTrialAsync();

    /// <summary>A supervisor moves the trial's end: the product charge and its reminder emails follow.</summary>
    [Alias("MoveTrialEnd")]
    Task<Order> MoveTrialEndAsync(DateTimeOffset at, string by);

    [Alias("Confirm")]
    Task<Order> ConfirmAsync(string by);

    [Alias("Cancel")]
    Task<Order> CancelAsync(string by, string? reason);

    /// <summary>Cancels for a reason another rule gives as a sentence of its own (a refusal on a call, an order replaced by an invoice).</summary>
    [Alias("CancelFor")]
    Task<Order> CancelForAsync([Immutable] Wording reason, string by);

    [Alias("Delete")]
    Task<Order> DeleteAsync(string by);

    [Alias("Fulfill")]
    Task<Order> FulfillAsync(OrderStatus to, string by);

    [Alias("SetAutoCancel")]
    Task<Order> SetAutoCancelAsync(DateTimeOffset? at, string by);

    [Alias("RemoveAnalytics")]
    Task<Order> RemoveAnalyticsAsync(string by);

    [Alias("AddNote")]
    Task<OrderNote> AddNoteAsync(string? text, string by);

    [Alias("AddTask")]
    Task<OrderTask> AddTaskAsync(string? title, DateTimeOffset? dueAt, string? assignee, string by);

    [Alias("UpdateTask")]
    Task<OrderTask> UpdateTaskAsync(string taskId, string? assignee, DateTimeOffset? dueAt, bool clearDue, string by);

    [Alias("CompleteTask")]
    Task<OrderTask> CompleteTaskAsync(string taskId, string by);

    [Alias("Resend")]
    Task<Order> ResendAsync(string eventId, string by);

    /// <summary>Refunds <paramref name="amount"/> (all that is refundable when null) through the provider.</summary>
    [Alias("Refund")]
    Task<Order> RefundAsync(decimal? amount, string? reason, ClientRequest? request, string by);

    /// <summary>Takes a prepayment on the card on file or on another provider token.</summary>
    [Alias("Prepay")]
    Task<Order> PrepayAsync(decimal? amount, string? cardToken, ClientRequest? request, string by);

    /// <summary>Places this (new) order as an upsell of a paid main order, charging the card at once; a decline creates nothing.</summary>
    [Alias("PlaceUpsell")]
    Task<Order> PlaceUpsellAsync([Immutable] UpsellCheckout checkout, string placedBy);

    /// <summary>Records on the main order that an upsell order was sold on it.</summary>
    [Alias("NoteUpsell")]
    Task NoteUpsellAsync(string upsellNumber, decimal total, string by);

    [Alias("HoldFulfillment")]
    Task<Order> HoldFulfillmentAsync(string? reason, string by);

    [Alias("ReleaseFulfillment")]
    Task<Order> ReleaseFulfillmentAsync(string by);

    [Alias("CancelFulfillment")]
    Task<Order> CancelFulfillmentAsync(string? reason, string by);

    /// <summary>Takes an amount off the price: a charge still to come is lowered, money already taken partly refunded through the provider.</summary>
    [Alias("Discount")]
    Task<Order> DiscountAsync(decimal? amount, string? reason, ClientRequest? request, string by);

    /// <summary>Fewer units of one item before it ships, with the same effect on money as a discount of their price.</summary>
    [Alias("DecreaseQuantity")]
    Task<Order> DecreaseQuantityAsync(string sku, int? quantity, string? reason, ClientRequest? request, string by);

    /// <summary>The customer's auto-payments flag changed: hold or release the scheduled charges.</summary>
    [Alias("AutoPaymentsChanged")]
    Task AutoPaymentsChangedAsync(bool enabled, string by);

    /// <summary>A call's Already paid outcome: marks the order (once), so it is never called about again in any campaign.</summary>
    [Alias("MarkAlreadyPaid")]
    Task<Order> MarkAlreadyPaidAsync(string callId, string? comment, string by);

    /// <summary>What the dialer needs of the order (whose, deleted, marked already paid); null when there is no such order.</summary>
    [Alias("CallingFacts")]
    [return: Immutable]
    Task<OrderCallingFacts?> GetCallingFactsAsync();

    /// <summary>
    /// The outbox's report on an email of workflow event <paramref name="eventId"/>: where it stands after an attempt.
    /// One way: the outbox does not wait for the order (the order's own re-check is the backstop for a lost report).
    /// </summary>
    [Orleans.Concurrency.OneWay, Alias("EmailDelivered")]
    Task EmailDeliveredAsync(string eventId, [Immutable] Domain.Messaging.EmailDelivery delivery);
}
