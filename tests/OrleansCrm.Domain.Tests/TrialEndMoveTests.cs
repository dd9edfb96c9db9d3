using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

/// <summary>PRODUCT.md §3: a supervisor may move a trial's end; the product charge and its reminders follow; refused once charged, on a cancelled order, or in the past.</summary>
public sealed class TrialEndMoveTests
{
    private const string Supervisor = "sup-1";

    [Fact]
    public void Moving_the_trial_end_moves_the_product_charge_and_its_confirmation()
    {
        var order = Trial();
        RunDue(order, Day(1));

        order.MoveTrialEnd(Day(20), Day(1), Supervisor);

        Assert.Equal(Day(20), order.Event(WorkflowIds.ProductCharge).ScheduledAt);
        Assert.Equal(Day(20), order.Event(WorkflowIds.PaymentConfirmation).ScheduledAt);
        Assert.DoesNotContain(WorkflowIds.ProductCharge, RunDue(order, Day(19.9)));
        Assert.Equal(OrderStatus.Trial, order.Status);
    }

    [Fact]
    public void The_waiting_reminder_emails_keep_their_distance_before_the_moved_end()
    {
        var order = Trial();
        RunDue(order, Day(1));

        order.MoveTrialEnd(Day(25), Day(1), Supervisor);

        Assert.Equal(Day(17), order.Event(WorkflowIds.TrialReminder).ScheduledAt);
        Assert.Equal(Day(23), order.Event(WorkflowIds.ExtensionOffer).ScheduledAt);
    }

    [Fact]
    public void A_reminder_whose_moved_time_has_passed_is_due_at_once_and_a_sent_one_stays_as_it_was()
    {
        var order = Trial();
        RunDue(order, Day(8));

        order.MoveTrialEnd(Day(8).AddHours(1), Day(8), Supervisor);

        Assert.Equal(Day(7), order.Event(WorkflowIds.TrialReminder).ScheduledAt);
        Assert.Equal(Day(8), order.Event(WorkflowIds.ExtensionOffer).ScheduledAt);
        Assert.Equal(WorkflowIds.ExtensionOffer, order.NextDueEvent(Day(8))?.Id);
    }

    [Fact]
    public void A_moved_trial_is_charged_at_the_new_end_and_then_confirmed()
    {
        var order = Trial();
        RunDue(order, Day(1));
        order.MoveTrialEnd(Day(2), Day(1), Supervisor);

        var ran = RunDue(order, Day(2));

        Assert.Contains(WorkflowIds.ProductCharge, ran);
        Assert.Contains(WorkflowIds.PaymentConfirmation, ran);
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void Moving_the_trial_end_adds_a_completed_row_before_the_product_charge_and_a_system_note()
    {
        var order = Trial();
        RunDue(order, Day(1));
        var notes = order.Notes.Count;

        order.MoveTrialEnd(Day(20), Day(1), Supervisor);

        var row = order.Event($"{WorkflowIds.TrialEndMoved}-1");
        Assert.Equal(WorkflowStatus.Completed, row.Status);
        Assert.Equal(WorkflowKind.TrialEndMoved, row.Kind);
        Assert.Equal(Day(1), row.ExecutedAt);
        Assert.Contains(Supervisor, Said.Description(row));
        var ids = order.Workflow.Select(e => e.Id).ToList();
        Assert.Equal(ids.IndexOf(WorkflowIds.ProductCharge) - 1, ids.IndexOf(row.Id));
        var note = Assert.Single(order.Notes.Skip(notes));
        Assert.True(note.System);
        Assert.Contains("Trial end moved", Said.Text(note));
    }

    [Fact]
    public void Moving_twice_numbers_the_rows_and_the_charge_follows_the_last_move()
    {
        var order = Trial();
        RunDue(order, Day(1));

        order.MoveTrialEnd(Day(20), Day(1), Supervisor);
        order.MoveTrialEnd(Day(10), Day(1), Supervisor);

        Assert.Equal(Day(10), order.Event(WorkflowIds.ProductCharge).ScheduledAt);
        Assert.NotNull(order.Event($"{WorkflowIds.TrialEndMoved}-2"));
    }

    [Fact]
    public void An_extension_after_a_move_adds_its_days_to_the_moved_end()
    {
        var order = Trial();
        RunDue(order, Day(1));
        order.MoveTrialEnd(Day(20), Day(1), Supervisor);

        order.Extend(Day(2));

        Assert.Equal(Day(35), order.Event(WorkflowIds.ProductCharge).ScheduledAt);
    }

    [Fact]
    public void Moving_the_trial_end_into_the_past_is_refused_and_changes_nothing()
    {
        var order = Trial();
        RunDue(order, Day(1));
        var before = Snapshot(order);

        var refusal = Assert.Throws<DomainException>(() => order.MoveTrialEnd(Day(1), Day(1), Supervisor));

        Assert.Equal(ProblemKind.Validation, refusal.Kind);
        Assert.Contains("at", refusal.Errors.Keys);
        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void Moving_the_trial_end_once_charged_is_a_Conflict()
    {
        var order = PaidTrial();
        var before = Snapshot(order);

        Conflict(() => order.MoveTrialEnd(Day(40), Day(16), Supervisor));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void Moving_the_trial_end_after_a_declined_charge_is_a_Conflict()
    {
        var order = Trial();
        RunDue(order, Day(14));
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));
        var before = Snapshot(order);

        Conflict(() => order.MoveTrialEnd(Day(40), Day(15.5), Supervisor));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void Moving_the_trial_end_of_a_Cancelled_order_is_a_Conflict()
    {
        var order = Trial();
        RunDue(order, Day(3));
        order.Cancel(Day(3), Agent, "Customer asked");
        var before = Snapshot(order);

        Conflict(() => order.MoveTrialEnd(Day(20), Day(3), Supervisor));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void Moving_the_trial_end_of_a_non_trial_order_is_a_Conflict()
    {
        var order = Unpaid();
        var before = Snapshot(order);

        Conflict(() => order.MoveTrialEnd(Day(20), Day(1), Supervisor));

        Assert.Equal(before, Snapshot(order));
    }
}
