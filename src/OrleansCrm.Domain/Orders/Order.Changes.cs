using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Orders;

/// <summary>Changes of the order that are not status changes (seed 000's system notes): fulfillment held, released, cancelled; discounts; fewer items.</summary>
public sealed partial class Order
{
    /// <summary>Fulfillment waits until it is released: the order cannot move along fulfillment meanwhile.</summary>
    public OrderChange HoldFulfillment(string? reason, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.HoldFulfillment);
        EnsureFulfillment(FulfillmentState.Open);
        Fulfillment = FulfillmentState.OnHold;
        return Record(new OrderChange(NextChangeId(), OrderChangeKind.FulfillmentHeld, now, by, "", reason),
            OrderWording.NoteFulfillmentHeld.With(by, Reason(reason)));
    }

    public OrderChange ReleaseFulfillment(DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.ReleaseFulfillment);
        if (Fulfillment != FulfillmentState.OnHold)
        {
            EnsureFulfillment(FulfillmentState.OnHold);
        }

        Fulfillment = FulfillmentState.Open;
        return Record(new OrderChange(NextChangeId(), OrderChangeKind.FulfillmentReleased, now, by, ""),
            OrderWording.NoteFulfillmentReleased.With(by));
    }

    /// <summary>The goods will not be sent; an order being shipped goes back to Paid. Money is not touched: refund it apart if owed.</summary>
    public OrderChange CancelFulfillment(string? reason, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.CancelFulfillment);
        if (Fulfillment == FulfillmentState.Cancelled)
        {
            EnsureFulfillment(FulfillmentState.Open);
        }

        Fulfillment = FulfillmentState.Cancelled;
        var change = Record(new OrderChange(NextChangeId(), OrderChangeKind.FulfillmentCancelled, now, by, "", reason),
            OrderWording.NoteFulfillmentCancelled.With(by, Reason(reason)));
        if (Status == OrderStatus.Shipping)
        {
            ChangeStatus(OrderStatus.Paid, now, by, OrderWording.ReasonFulfillmentCancelled.With());
        }

        return change;
    }

    /// <summary>
    /// Takes <paramref name="amount"/> off the price. It lowers the charges still to come first (a trial's product
    /// charge, an unpaid order's price); what they cannot absorb is refunded through the provider. Never more than
    /// what is left (still to charge plus received and not refunded).
    /// </summary>
    public OrderChange Discount(decimal amount, string? reason, ClientRequest? request, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.Discount);
        EnsureNoPaymentInProgress();
        if (amount > Left())
        {
            throw DomainException.Conflict("The discount is larger than what is left", $"Order {Number} has {Format(Left())} left to charge or refund; a discount of {Format(amount)} is more than that.");
        }

        var refund = Math.Max(0m, amount - StillToCharge());
        var change = Record(new OrderChange(NextChangeId(), OrderChangeKind.Discount, now, by,
            "", reason, amount, refund, ClientKey: request?.Key),
            OrderWording.NoteDiscount.With(Format(amount), by, Reason(reason), RefundValue(refund)));
        RecordAnswer(request, now);
        AfterPriceCut(change, now);
        return change;
    }

    /// <summary>Fewer units of one item, before it ships: the price falls by the units' price, as with a discount.</summary>
    public OrderChange DecreaseQuantity(string sku, int quantity, string? reason, ClientRequest? request, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.DecreaseQuantity);
        var index = items.FindIndex(i => i.Sku == sku);
        if (index < 0)
        {
            throw DomainException.NotFound("Order item", sku);
        }

        var item = Items[index];
        if (quantity >= item.Quantity)
        {
            throw DomainException.Conflict("A quantity can only decrease", $"Item '{sku}' of order {Number} has quantity {item.Quantity}; {quantity} is not fewer. To sell more, place an upsell.");
        }

        EnsureNoPaymentInProgress();
        var cut = item.UnitPrice * (item.Quantity - quantity);
        if (cut > Left())
        {
            throw DomainException.Conflict("The decrease is larger than what is left", $"Order {Number} has {Format(Left())} left to charge or refund; {item.Quantity - quantity} fewer × {item.Name} is {Format(cut)}.");
        }

        var refund = Math.Max(0m, cut - StillToCharge());
        items[index] = item with { Quantity = quantity, Total = item.UnitPrice * quantity };
        var change = Record(new OrderChange(NextChangeId(), OrderChangeKind.QuantityDecreased, now, by,
            "", reason, cut, refund, sku, item.Quantity, quantity, request?.Key),
            OrderWording.NoteQuantityDecreased.With(item.Name, OrderWording.Count(item.Quantity), OrderWording.Count(quantity), by, Format(cut), Reason(reason), RefundValue(refund)));
        RecordAnswer(request, now);
        AfterPriceCut(change, now);
        return change;
    }

    private string NextChangeId() => $"change-{Changes.Count + 1}";

    private static string RefundRowId(OrderChange change) => $"{change.Id}-refund";

    /// <summary>A change is described by the sentence of its system note (one wording, said twice).</summary>
    private OrderChange Record(OrderChange change, Wording said)
    {
        var described = change with { DescriptionWording = said };
        changes.Add(described);
        AddSystemNote(said, change.At);
        return described;
    }

    /// <summary>The waiting product charge shows its new amount; nothing left to charge settles the order; the rest goes back through the provider.</summary>
    private void AfterPriceCut(OrderChange change, DateTimeOffset now)
    {
        foreach (var e in Workflow.Where(IsWaitingProductCharge))
        {
            e.Amount = ProductOwed();
        }

        if (AcceptsNewCharges() && StillToCharge() == 0m)
        {
            CancelWaiting(now, OrderWording.CancelNothingLeft.With(), _ => true);
            MarkPaid(now, OrderWording.ReasonNothingLeftAfter.With(change.Id));
        }

        if (change.Refund is > 0m and var refund)
        {
            var what = change.Kind == OrderChangeKind.Discount ? OrderWording.RowDiscountRefund : OrderWording.RowFewerItemsRefund;
            Add(RefundRowId(change), WorkflowKind.ChangeRefund, WorkflowEventType.Refund, what.With(change.Id), now, amount: refund);
        }
    }

    private void EnsureFulfillment(FulfillmentState expected)
    {
        if (Fulfillment == expected)
        {
            return;
        }

        throw Fulfillment switch
        {
            FulfillmentState.Cancelled => DomainException.Conflict("Fulfillment was cancelled", $"Order {Number}'s fulfillment was cancelled; it is no longer held, released or moved along."),
            FulfillmentState.OnHold => DomainException.Conflict("Fulfillment is on hold", $"Order {Number}'s fulfillment is on hold; release it first."),
            _ => DomainException.Conflict("Fulfillment is not on hold", $"Order {Number}'s fulfillment is not on hold; there is nothing to release."),
        };
    }

    /// <summary>A charge or refund the provider has not settled yet makes "what is left" unknown: no price change meanwhile.</summary>
    private void EnsureNoPaymentInProgress()
    {
        if (Workflow.Any(e => InDoubt(e) || (e.Type == WorkflowEventType.Refund && e.Status == WorkflowStatus.Waiting)))
        {
            throw DomainException.Conflict("A payment is being settled", $"Order {Number} has a charge or refund whose outcome the provider has not confirmed yet; try again once it is settled.");
        }
    }

    private string? RefundValue(decimal refund) => refund > 0m ? Format(refund) : null;

    private static string? Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason;

}
