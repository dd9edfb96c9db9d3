using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

/// <summary>
/// The order changes of seed 000 that leave system notes: fulfillment held, released and cancelled,
/// discounts and decreased quantities. Each leaves a note and a history entry; a price cut lowers the
/// charge still to come, and what that charge cannot absorb becomes a refund row; a refused change changes nothing.
/// </summary>
public sealed class OrderChangeTests
{
    private const string Supervisor = "supervisor";

    /// <summary>Everything a refused change must leave untouched, besides the workflow, notes and payments.</summary>
    private static string State(Order order) => string.Join(
        "\n",
        [
            Snapshot(order),
            $"fulfillment={order.Fulfillment}",
            $"changes={order.Changes.Count}",
            $"total={order.Total()}",
            .. order.Items.Select(i => $"{i.Sku}|{i.Quantity}|{i.Total}"),
            .. order.Workflow.Select(e => $"{e.Id}|{e.Amount}"),
        ]);

    /// <summary>Plays the grain for a change's refund row: the provider refunds each planned part.</summary>
    private static void RefundThroughProvider(Order order, string rowId, PaymentStatus status, DateTimeOffset now)
    {
        var row = order.Event(rowId);
        var n = 1;
        foreach (var (payment, part) in order.PlanRefund(order.RefundLeft(row)))
        {
            order.RecordRefund(RefundResult(order, part, status, now, n++), part, payment.TransactionId!, now, Supervisor, Said.Description(row), row.Id);
        }

        order.FinishChangeRefund(rowId, status, status == PaymentStatus.Approved ? null : "Refund failed", now);
    }

    private static Order Shipping()
    {
        var order = PaidTrial();
        order.Fulfill(OrderStatus.Shipping, Day(16), Agent);
        return order;
    }

    // ---------------------------------------------------------------- fulfillment

    [Fact]
    public void Held_fulfillment_cannot_move_along_until_released_and_each_change_leaves_a_system_note_and_a_history_entry()
    {
        var order = PaidTrial();

        order.HoldFulfillment("address to check", Day(16), Agent);
        var refusal = Conflict(() => order.Fulfill(OrderStatus.Shipping, Day(16), Agent));
        order.ReleaseFulfillment(Day(17), Agent);
        order.Fulfill(OrderStatus.Shipping, Day(17), Agent);

        Assert.Equal("Fulfillment is on hold", refusal.Title);
        Assert.Equal(OrderStatus.Shipping, order.Status);
        Assert.Equal([OrderChangeKind.FulfillmentHeld, OrderChangeKind.FulfillmentReleased], order.Changes.Select(c => c.Kind));
        Assert.Contains(order.Notes, n => n.System && Said.Text(n) == "Fulfillment held by agent-1: address to check.");
        Assert.Contains(order.Notes, n => n.System && Said.Text(n) == "Fulfillment released by agent-1.");
        Assert.Equal(FulfillmentState.Open, order.Fulfillment);
    }

    [Fact]
    public void Releasing_fulfillment_that_is_not_on_hold_is_a_conflict_that_changes_nothing()
    {
        var order = PaidTrial();
        var before = State(order);

        Assert.Equal("Fulfillment is not on hold", Conflict(() => order.ReleaseFulfillment(Day(16), Agent)).Title);
        Assert.Equal(before, State(order));
    }

    [Fact]
    public void Holding_fulfillment_twice_is_a_conflict_that_changes_nothing()
    {
        var order = PaidTrial();
        order.HoldFulfillment(null, Day(16), Agent);
        var before = State(order);

        Assert.Equal("Fulfillment is on hold", Conflict(() => order.HoldFulfillment(null, Day(16), Agent)).Title);
        Assert.Equal(before, State(order));
    }

    [Fact]
    public void Fulfillment_of_goods_that_have_shipped_or_of_a_cancelled_order_cannot_be_held_or_cancelled()
    {
        var shipped = Shipping();
        shipped.Fulfill(OrderStatus.Shipped, Day(17), Agent);
        var cancelled = Trial();
        cancelled.Cancel(Day(1), Agent, "changed mind");

        foreach (var order in new[] { shipped, cancelled })
        {
            var before = State(order);
            Conflict(() => order.HoldFulfillment(null, Day(18), Agent));
            Conflict(() => order.CancelFulfillment(null, Day(18), Agent));
            Assert.Equal(before, State(order));
        }
    }

    [Fact]
    public void Cancelling_the_fulfillment_of_an_order_being_shipped_puts_it_back_to_Paid_for_good()
    {
        var order = Shipping();

        order.CancelFulfillment("out of stock", Day(17), Agent);

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(FulfillmentState.Cancelled, order.Fulfillment);
        Assert.Equal((OrderStatus?)OrderStatus.Shipping, order.History[^1].From);
        Assert.Contains(order.Notes, n => n.System && Said.Text(n) == "Fulfillment cancelled by agent-1: out of stock.");
        var before = State(order);
        Assert.Equal("Fulfillment was cancelled", Conflict(() => order.Fulfill(OrderStatus.Shipping, Day(18), Agent)).Title);
        Conflict(() => order.HoldFulfillment(null, Day(18), Agent));
        Conflict(() => order.ReleaseFulfillment(Day(18), Agent));
        Conflict(() => order.CancelFulfillment(null, Day(18), Agent));
        Assert.Equal(before, State(order));
    }

    // ---------------------------------------------------------------- discounts

    [Fact]
    public void A_discount_before_the_trial_end_charge_lowers_that_charge_and_refunds_nothing()
    {
        var order = TrialBeforeProductCharge();

        var change = order.Discount(10m, "goodwill", null, Day(14), Supervisor);

        Assert.Equal(0m, change.Refund);
        Assert.Equal(39.95m, order.AmountToCharge(order.Event(WorkflowIds.ProductCharge)));
        Assert.Equal(39.95m, order.Event(WorkflowIds.ProductCharge).Amount);
        Assert.Equal(ProductUsd + ShUsd - 10m, order.Total());
        Assert.DoesNotContain(order.Workflow, e => e.Type == WorkflowEventType.Refund);
        Assert.Contains(order.Notes, n => n.System && Said.Text(n) == "Discount of USD 10.00 by supervisor: goodwill.");
        Assert.Equal(change, Assert.Single(order.Changes));
    }

    [Fact]
    public void A_discount_before_the_trial_end_charge_lowers_the_amount_the_reminder_and_extension_emails_state()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        order.Discount(10m, null, null, Day(1), Supervisor);

        var (_, reminder) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.TrialReminder));
        var (_, offer) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.ExtensionOffer));

        Assert.Contains("USD 39.95", reminder);
        Assert.Contains("USD 39.95", offer);
        Assert.DoesNotContain("USD 49.95", reminder);
    }

    [Fact]
    public void A_discount_after_payment_is_a_partial_refund_through_the_provider_keyed_by_the_order_and_the_change()
    {
        var order = PaidTrial();

        var change = order.Discount(10m, null, null, Day(16), Supervisor);

        Assert.Equal(10m, change.Refund);
        var row = order.NextDueEvent(Day(16));
        Assert.NotNull(row);
        Assert.Equal($"{change.Id}-refund", row.Id);
        Assert.Equal(WorkflowEventType.Refund, row.Type);
        Assert.Equal(10m, row.Amount);
        Assert.Equal(10m, order.RefundLeft(row));

        RefundThroughProvider(order, row.Id, PaymentStatus.Approved, Day(16));

        Assert.Equal(WorkflowStatus.Completed, row.Status);
        Assert.Equal(10m, order.Refunded());
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(row.Id, order.Payments[^1].EventId);
        Assert.Null(order.NextDueEvent(Day(16)));
    }

    [Fact]
    public void A_change_s_refund_the_provider_refuses_fails_with_a_note_to_refund_it_by_hand()
    {
        var order = PaidTrial();
        var change = order.Discount(10m, null, null, Day(16), Supervisor);

        RefundThroughProvider(order, $"{change.Id}-refund", PaymentStatus.Declined, Day(16));

        Assert.Equal(WorkflowStatus.Failed, order.Event($"{change.Id}-refund").Status);
        Assert.Contains(order.Notes, n => n.System && Said.Text(n).Contains("refund it by hand", StringComparison.Ordinal));
        Assert.Equal(0m, order.Refunded());
    }

    [Fact]
    public void A_discount_larger_than_what_is_left_is_a_conflict_that_changes_nothing()
    {
        var order = PaidTrial();
        order.Discount(50m, null, null, Day(16), Supervisor);
        RefundThroughProvider(order, "change-1-refund", PaymentStatus.Approved, Day(16));
        var before = State(order);

        var refusal = Conflict(() => order.Discount(4.91m, null, null, Day(16), Supervisor));

        Assert.Equal("The discount is larger than what is left", refusal.Title);
        Assert.Contains("USD 4.90", refusal.Detail);
        Assert.Equal(before, State(order));
    }

    [Fact]
    public void A_discount_on_a_cancelled_or_refunded_order_is_a_conflict_that_changes_nothing()
    {
        var cancelled = Trial();
        cancelled.Cancel(Day(1), Agent, "changed mind");
        var before = State(cancelled);

        Conflict(() => cancelled.Discount(1m, null, null, Day(2), Supervisor));

        Assert.Equal(before, State(cancelled));
    }

    [Fact]
    public void A_discount_of_the_whole_product_price_settles_the_trial_without_a_charge()
    {
        var order = TrialBeforeProductCharge();

        order.Discount(ProductUsd, null, null, Day(14), Supervisor);

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(WorkflowStatus.Cancelled, order.Event(WorkflowIds.ProductCharge).Status);
        Assert.Null(order.NextDueEvent(Day(30)));
        Assert.Single(order.Payments);
    }

    [Fact]
    public void No_price_changes_while_a_charge_is_in_doubt_with_the_provider()
    {
        var order = TrialBeforeProductCharge();
        order.NoteChargeAttempt(WorkflowIds.ProductCharge);
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, Day(15));
        var before = State(order);

        Assert.Equal("A payment is being settled", Conflict(() => order.Discount(1m, null, null, Day(15), Supervisor)).Title);
        Conflict(() => order.DecreaseQuantity(PlaceOrder.MainSku, 1, null, null, Day(15), Supervisor));
        Assert.Equal(before, State(order));
    }

    [Fact]
    public void A_retry_with_the_same_Idempotency_Key_finds_its_change_and_another_change_under_that_key_is_a_conflict()
    {
        var order = TrialBeforeProductCharge();
        order.Discount(10m, null, new ClientRequest("key-1", "discount 10"), Day(14), Supervisor);

        Assert.True(order.Answered(new ClientRequest("key-1", "discount 10")));
        Assert.False(order.Answered(new ClientRequest("key-2", "discount 10")));
        Assert.False(order.Answered(null));
        Assert.Equal("Idempotency-Key reused", Conflict(() => order.Answered(new ClientRequest("key-1", "discount 11"))).Title);
    }

    // ---------------------------------------------------------------- quantities

    [Fact]
    public void A_smaller_quantity_before_the_trial_end_charge_lowers_that_charge_by_the_units_price()
    {
        var order = Trial(items: [new OrderLine(PlaceOrder.MainSku, 3)]);
        RunDue(order, Day(14));

        var change = order.DecreaseQuantity(PlaceOrder.MainSku, 1, "customer keeps one", null, Day(14), Supervisor);

        Assert.Equal(2 * ProductUsd, change.Amount);
        Assert.Equal(0m, change.Refund);
        Assert.Equal(1, order.Items.Single().Quantity);
        Assert.Equal(ProductUsd, order.AmountToCharge(order.Event(WorkflowIds.ProductCharge)));
        Assert.Contains(order.Notes, n => n.System && Said.Text(n).StartsWith("Quantity of Cream decreased from 3 to 1 by supervisor (USD 99.90 less)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_smaller_quantity_after_payment_refunds_the_units_price_through_the_provider()
    {
        var order = Place(Request(trial: false, items: [new OrderLine(PlaceOrder.MainSku, 2)]));
        RunDue(order, PlacedAt);
        Assert.Equal(OrderStatus.Paid, order.Status);

        var change = order.DecreaseQuantity(PlaceOrder.MainSku, 1, null, null, Day(1), Supervisor);

        Assert.Equal(ProductUsd, change.Refund);
        Assert.Equal(ProductUsd, order.Event($"{change.Id}-refund").Amount);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void The_same_or_a_larger_quantity_is_a_conflict_that_changes_nothing(int quantity)
    {
        var order = Trial(items: [new OrderLine(PlaceOrder.MainSku, 2)]);
        var before = State(order);

        Assert.Equal("A quantity can only decrease", Conflict(() => order.DecreaseQuantity(PlaceOrder.MainSku, quantity, null, null, Day(1), Supervisor)).Title);
        Assert.Equal(before, State(order));
    }

    [Fact]
    public void Quantities_no_longer_decrease_once_the_order_is_being_shipped()
    {
        var order = Place(Request(trial: false, items: [new OrderLine(PlaceOrder.MainSku, 2)]));
        RunDue(order, PlacedAt);
        order.Fulfill(OrderStatus.Shipping, Day(1), Agent);
        var before = State(order);

        Conflict(() => order.DecreaseQuantity(PlaceOrder.MainSku, 1, null, null, Day(1), Supervisor));
        Assert.Equal(before, State(order));
    }

    [Fact]
    public void An_item_the_order_does_not_have_is_not_found()
    {
        var order = Trial();

        Assert.Equal(ProblemKind.NotFound, Assert.Throws<DomainException>(() => order.DecreaseQuantity("serum", 1, null, null, Day(1), Supervisor)).Kind);
    }
}
