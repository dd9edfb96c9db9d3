using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

public sealed class OrderStatusTests
{
    private static readonly OrderStatus[] All = Enum.GetValues<OrderStatus>();

    private static OrderStatus[] AllBut(params OrderStatus[] excluded) => All.Except(excluded).ToArray();

    /// <summary>The product rules, written out independently of <see cref="OrderRules"/>.</summary>
    private static readonly Dictionary<OrderAction, OrderStatus[]> Expected = new()
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
        [OrderAction.Delete] = AllBut(OrderStatus.Deleted),
        [OrderAction.ChangeAutoCancel] = [OrderStatus.Pending, OrderStatus.Confirmed],
        [OrderAction.RemoveAnalytics] = AllBut(OrderStatus.Deleted),
        [OrderAction.AddNote] = All,
        [OrderAction.AddTask] = AllBut(OrderStatus.Deleted),
        [OrderAction.SellUpsell] = [OrderStatus.Paid, OrderStatus.Shipping, OrderStatus.Shipped, OrderStatus.Delivered],
        [OrderAction.HoldFulfillment] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.Paid, OrderStatus.Shipping],
        [OrderAction.ReleaseFulfillment] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.Paid, OrderStatus.Shipping],
        [OrderAction.CancelFulfillment] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.Paid, OrderStatus.Shipping],
        [OrderAction.Discount] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.Paid, OrderStatus.Shipping, OrderStatus.Shipped, OrderStatus.Delivered],
        [OrderAction.DecreaseQuantity] = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Trial, OrderStatus.Paid],
    };

    public static TheoryData<OrderAction, OrderStatus, bool> EveryActionFromEveryStatus()
    {
        var data = new TheoryData<OrderAction, OrderStatus, bool>();
        foreach (var action in Enum.GetValues<OrderAction>())
        {
            foreach (var status in All)
            {
                data.Add(action, status, Expected[action].Contains(status));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryActionFromEveryStatus))]
    public void Each_action_is_allowed_exactly_from_the_statuses_the_rules_name(OrderAction action, OrderStatus status, bool allowed)
    {
        Assert.Equal(allowed, OrderRules.Allows(status, action));
        if (allowed)
        {
            OrderRules.Ensure(Number, status, action);
        }
        else
        {
            var refusal = Conflict(() => OrderRules.Ensure(Number, status, action));
            Assert.Contains(status.ToString(), refusal.Title);
            Assert.Contains(Number, refusal.Detail);
        }
    }

    [Fact]
    public void Cancel_is_refused_once_the_order_is_paid_shipped_delivered_refunded_or_deleted()
    {
        foreach (var status in new[] { OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Refunded, OrderStatus.Deleted })
        {
            Assert.False(OrderRules.Allows(status, OrderAction.Cancel), status.ToString());
        }
    }

    [Fact]
    public void The_upsell_search_shows_only_orders_the_customer_really_bought()
    {
        Assert.Equal([OrderStatus.Paid, OrderStatus.Shipping, OrderStatus.Shipped, OrderStatus.Delivered], OrderRules.UpsellEligible);
        Assert.Equal([OrderStatus.Pending, OrderStatus.Confirmed], OrderRules.Unpaid);
    }

    // ---- transitions ----

    [Fact]
    public void Confirming_a_Pending_order_makes_it_Confirmed_with_history_and_a_note()
    {
        var order = Unpaid();

        order.Confirm(Day(1), Agent);

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        var change = order.History[^1];
        Assert.Equal(((OrderStatus?)OrderStatus.Pending, OrderStatus.Confirmed, Agent, Day(1)), (change.From, change.To, change.By, change.At));
        Assert.Contains(order.Notes, n => n.System && Said.Text(n).Contains("Confirmed", StringComparison.Ordinal));
        Assert.Equal(PlacedAt.AddDays(7), order.AutoCancelAt);
    }

    [Fact]
    public void Fulfillment_goes_Paid_Shipping_Shipped_Delivered_with_a_history_row_each()
    {
        var order = PaidTrial();

        order.Fulfill(OrderStatus.Shipping, Day(16), Agent);
        order.Fulfill(OrderStatus.Shipped, Day(17), Agent);
        order.Fulfill(OrderStatus.Delivered, Day(20), Agent);

        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal(
            [(OrderStatus.Paid, OrderStatus.Shipping), (OrderStatus.Shipping, OrderStatus.Shipped), (OrderStatus.Shipped, OrderStatus.Delivered)],
            order.History.TakeLast(3).Select(h => (h.From!.Value, h.To)));
    }

    [Theory]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Delivered)]
    public void Fulfillment_cannot_skip_a_step_from_Paid(OrderStatus to)
    {
        var order = PaidTrial();
        var before = Snapshot(order);

        Conflict(() => order.Fulfill(to, Day(16), Agent));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void Fulfillment_cannot_skip_from_Shipping_to_Delivered_nor_go_back()
    {
        var order = PaidTrial();
        order.Fulfill(OrderStatus.Shipping, Day(16), Agent);

        Conflict(() => order.Fulfill(OrderStatus.Delivered, Day(17), Agent));
        Conflict(() => order.Fulfill(OrderStatus.Shipping, Day(17), Agent));
        Assert.Equal(OrderStatus.Shipping, order.Status);
    }

    [Fact]
    public void An_unpaid_order_cannot_be_shipped()
    {
        Conflict(() => Trial().Fulfill(OrderStatus.Shipping, Day(1), Agent));
        Conflict(() => Unpaid().Fulfill(OrderStatus.Shipping, Day(1), Agent));
    }

    [Fact]
    public void Fulfillment_to_a_status_that_is_not_a_fulfillment_step_is_refused_on_status()
    {
        var order = PaidTrial();
        Refusals.OnlyFor("status", () => order.Fulfill(OrderStatus.Cancelled, Day(16), Agent));
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void An_illegal_transition_throws_Conflict_and_changes_nothing()
    {
        var trial = Trial();
        RunDue(trial, Day(7));
        var paid = PaidTrial();
        var cases = new (Order Order, Action Act)[]
        {
            (trial, () => trial.Confirm(Day(8), Agent)),
            (trial, () => trial.Fulfill(OrderStatus.Shipping, Day(8), Agent)),
            (trial, () => trial.SetAutoCancel(Day(20), Day(8), Agent)),
            (paid, () => paid.Cancel(Day(16), Agent, "too late")),
            (paid, () => paid.Confirm(Day(16), Agent)),
            (paid, () => paid.Extend(Day(16))),
        };

        foreach (var (order, act) in cases)
        {
            var before = Snapshot(order);
            var refusal = Conflict(act);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Title));
            Assert.Equal(before, Snapshot(order));
        }
    }

    [Fact]
    public void A_deleted_order_refuses_every_change_but_a_note()
    {
        var order = Trial();
        order.Delete(Day(1), "admin-1");
        var before = Snapshot(order);

        Conflict(() => order.Delete(Day(2), "admin-1"));
        Conflict(() => order.Cancel(Day(2), Agent, "again"));
        Conflict(() => order.RemoveAnalytics(Day(2), Agent));
        Conflict(() => order.AddTask("Call back", null, null, Day(2), Agent));
        Assert.Equal(before, Snapshot(order));

        order.AddNote("Customer called about the deleted order", Agent, Day(2));
        Assert.Equal(OrderStatus.Deleted, order.Status);
    }

    // ---- cancel and delete ----

    [Fact]
    public void Cancelling_cancels_every_Waiting_and_OnHold_event_and_leaves_the_done_ones_alone()
    {
        var order = Trial();
        RunDue(order, Day(7));
        order.HoldCharges(Day(8), OrderWording.HeldAutoPaymentsDisabledBy.With("admin-1"));
        Assert.Equal(WorkflowStatus.OnHold, order.Event(WorkflowIds.ProductCharge).Status);

        order.Cancel(Day(9), Agent, "Customer refused");

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(
            [
                (WorkflowIds.ShippingCharge, WorkflowStatus.Completed),
                (WorkflowIds.OrderConfirmation, WorkflowStatus.Completed),
                (WorkflowIds.TrialReminder, WorkflowStatus.Completed),
                (WorkflowIds.ExtensionOffer, WorkflowStatus.Cancelled),
                (WorkflowIds.ProductCharge, WorkflowStatus.Cancelled),
                (WorkflowIds.PaymentConfirmation, WorkflowStatus.Cancelled),
            ],
            order.Workflow.Select(e => (e.Id, e.Status)));
        Assert.All(order.Workflow.Where(e => e.Status == WorkflowStatus.Cancelled), e => Assert.Equal(Day(9), e.ExecutedAt));
        Assert.All(order.Workflow.Where(e => e.Status == WorkflowStatus.Cancelled), e => Assert.Contains("Customer refused", Said.Result(e)));
    }

    [Fact]
    public void Cancelling_records_the_reason_in_history_and_a_note()
    {
        var order = Trial();

        order.Cancel(Day(2), Agent, "Customer refused");

        var change = order.History[^1];
        Assert.Equal(((OrderStatus?)OrderStatus.Trial, OrderStatus.Cancelled, Agent, "Customer refused"), (change.From, change.To, change.By, Said.Reason(change)));
        Assert.Contains(order.Notes, n => n.System && Said.Text(n).Contains("Cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public void Cancelling_clears_the_auto_cancel_date()
    {
        var order = Unpaid();
        Assert.NotNull(order.AutoCancelAt);

        order.Cancel(Day(2), Agent, "Customer refused");

        Assert.Null(order.AutoCancelAt);
        Assert.False(order.AutoCancelDue(Day(30)));
    }

    [Fact]
    public void A_cancelled_order_never_has_a_due_event_again()
    {
        var order = Trial();
        order.Cancel(PlacedAt, Agent, "Placed by mistake");

        foreach (var day in new[] { 0, 7, 13, 15, 16, 30, 365 })
        {
            Assert.Null(order.NextDueEvent(Day(day)));
        }

        Assert.Null(order.NextDue());
        Assert.Empty(order.Payments);
    }

    [Fact]
    public void A_cancelled_order_stays_silent_even_when_held_charges_are_released()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        order.HoldCharges(Day(1), OrderWording.HeldAutoPaymentsDisabledBy.With("admin-1"));
        order.Cancel(Day(2), Agent, "Customer refused");

        order.ReleaseCharges(Day(20));

        Assert.Null(order.NextDueEvent(Day(20)));
        Assert.Null(order.NextDue());
    }

    [Fact]
    public void A_cancelled_order_cannot_be_cancelled_again()
    {
        var order = Trial();
        order.Cancel(Day(1), Agent, "Customer refused");
        var before = Snapshot(order);

        Conflict(() => order.Cancel(Day(2), Agent, "again"));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void A_PaymentFailed_order_can_still_be_cancelled()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.HardDeclined, Day(15));

        order.Cancel(Day(16), Agent, "Card stolen");

        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void Deleting_keeps_the_order_as_Deleted_and_cancels_what_was_waiting()
    {
        var order = Unpaid();

        order.Delete(Day(1), "admin-1");

        Assert.Equal(OrderStatus.Deleted, order.Status);
        Assert.Null(order.AutoCancelAt);
        Assert.DoesNotContain(order.Workflow, e => e.Status == WorkflowStatus.Waiting);
        Assert.Null(order.NextDue());
        Assert.Equal(OrderStatus.Deleted, order.History[^1].To);
    }

    // ---- notes, tasks and analytics ----

    [Fact]
    public void An_agent_note_is_kept_with_its_author_and_a_card_number_in_it_is_redacted()
    {
        var order = Trial();

        var note = order.AddNote("Customer read 4111 1111 1111 1111 aloud", Agent, Day(1));

        Assert.False(note.System);
        Assert.Equal(Agent, note.Author);
        Assert.DoesNotContain("4111 1111 1111 1111", Said.Text(note));
        Assert.Contains("1111", Said.Text(note));
    }

    [Fact]
    public void Removing_analytics_clears_them_with_a_note()
    {
        var order = Place(Request(analytics: new Analytics("tv", "spot-1")));

        order.RemoveAnalytics(Day(1), Agent);

        Assert.Null(order.Analytics);
        Assert.Contains(order.Notes, n => n.System && Said.Text(n).Contains("Analytics", StringComparison.Ordinal));
    }

    [Fact]
    public void A_task_without_a_title_is_refused_on_title()
    {
        var order = Trial();
        Refusals.OnlyFor("title", () => order.AddTask(" ", Day(2), Agent, Day(1), Agent));
        Assert.Empty(order.Tasks);
    }

    [Fact]
    public void A_refused_transition_is_a_Conflict_without_field_errors()
    {
        var refusal = Conflict(() => PaidTrial().Confirm(Day(16), Agent));
        Assert.NotEqual(ProblemKind.Validation, refusal.Kind);
        Assert.Empty(refusal.Errors);
    }
}
