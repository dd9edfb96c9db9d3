using OrleansCrm.Domain.Orders;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

public sealed class AutoCancelTests
{
    [Fact]
    public void A_non_trial_order_without_a_card_is_Pending_with_an_auto_cancel_date_7_days_out_and_no_charge()
    {
        var order = Unpaid();

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(PlacedAt.AddDays(7), order.AutoCancelAt);
        Assert.Equal(TimeSpan.FromDays(7), Order.DefaultAutoCancel);
        Assert.DoesNotContain(order.Workflow, e => e.Type == WorkflowEventType.Charge);
        Assert.Equal([WorkflowIds.OrderConfirmation], order.Workflow.Select(e => e.Id));
    }

    [Fact]
    public void The_auto_cancel_is_due_exactly_at_its_instant()
    {
        var order = Unpaid();
        RunDue(order, PlacedAt);

        Assert.False(order.AutoCancelDue(Day(7).AddTicks(-1)));
        Assert.True(order.AutoCancelDue(Day(7)));
        Assert.True(order.AutoCancelDue(Day(8)));
        Assert.Equal(Day(7), order.NextDue());
    }

    [Fact]
    public void NextDue_is_the_auto_cancel_when_it_comes_before_any_workflow_event()
    {
        var order = Unpaid();

        Assert.Equal(PlacedAt, order.NextDue());
        RunDue(order, PlacedAt);
        Assert.Equal(order.AutoCancelAt, order.NextDue());
    }

    [Fact]
    public void AutoCancel_makes_the_order_Cancelled_by_the_system_and_it_is_never_due_again()
    {
        var order = Unpaid();
        RunDue(order, PlacedAt);

        order.AutoCancel(Day(7));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        var change = order.History[^1];
        Assert.Equal((OrderStatus.Cancelled, Order.SystemAuthor), (change.To, change.By));
        Assert.Contains("Auto-cancelled", Said.Reason(change));
        Assert.Null(order.AutoCancelAt);
        Assert.False(order.AutoCancelDue(Day(30)));
        Assert.Null(order.NextDue());
    }

    [Fact]
    public void A_Confirmed_order_is_still_unpaid_and_cancels_itself_on_its_date()
    {
        var order = Unpaid();
        order.Confirm(Day(1), Agent);

        Assert.True(order.AutoCancelDue(Day(7)));
        order.AutoCancel(Day(7));
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void An_order_that_is_no_longer_unpaid_is_never_auto_cancelled()
    {
        var order = Unpaid();
        order.RecordPrepayment(PrepaymentResult(order, order.Total(), Day(1)), order.Total(), Day(1), Agent);

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Null(order.AutoCancelAt);
        Assert.False(order.AutoCancelDue(Day(30)));
    }

    [Fact]
    public void A_trial_order_has_no_auto_cancel_date()
    {
        var order = Trial();
        Assert.Null(order.AutoCancelAt);
        Assert.False(order.AutoCancelDue(Day(100)));
    }

    [Fact]
    public void An_agent_can_move_the_auto_cancel_date_with_a_note()
    {
        var order = Unpaid();
        var before = order.Notes.Count;

        order.SetAutoCancel(Day(10), Day(1), Agent);

        Assert.Equal(Day(10), order.AutoCancelAt);
        Assert.False(order.AutoCancelDue(Day(7)));
        Assert.True(order.AutoCancelDue(Day(10)));
        var note = Assert.Single(order.Notes.Skip(before));
        Assert.True(note.System);
        Assert.Contains(Agent, Said.Text(note));
    }

    [Fact]
    public void Setting_the_auto_cancel_date_to_null_disables_it()
    {
        var order = Unpaid();
        RunDue(order, PlacedAt);

        order.SetAutoCancel(null, Day(1), Agent);

        Assert.Null(order.AutoCancelAt);
        Assert.False(order.AutoCancelDue(Day(365)));
        Assert.Null(order.NextDue());
        Assert.Contains(order.Notes, n => n.System && Said.Text(n).Contains("disabled", StringComparison.Ordinal));
    }

    [Fact]
    public void An_auto_cancel_date_in_the_past_is_refused_on_at_and_changes_nothing()
    {
        var order = Unpaid();
        var before = Snapshot(order);

        Refusals.OnlyFor("at", () => order.SetAutoCancel(Day(1), Day(2), Agent));
        Refusals.OnlyFor("at", () => order.SetAutoCancel(Day(2), Day(2), Agent));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void The_auto_cancel_date_of_a_trial_or_paid_order_cannot_be_changed()
    {
        var trial = Trial();
        Conflict(() => trial.SetAutoCancel(Day(20), Day(1), Agent));
        Assert.Null(trial.AutoCancelAt);

        var paid = PaidTrial();
        Conflict(() => paid.SetAutoCancel(Day(20), Day(16), Agent));
    }
}
