using OrleansCrm.Domain.Orders;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

public sealed class AutoPaymentTests
{
    private const string Reason = "Auto-payments disabled by admin-1.";

    private static readonly Wording DisabledByAdmin = OrderWording.HeldAutoPaymentsDisabledBy.With("admin-1");

    [Fact]
    public void Holding_charges_puts_every_waiting_charge_On_hold_with_a_note()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        var before = order.Notes.Count;

        order.HoldCharges(Day(1), DisabledByAdmin);

        Assert.False(order.AutoPaymentsEnabled);
        var held = order.Event(WorkflowIds.ProductCharge);
        Assert.Equal(WorkflowStatus.OnHold, held.Status);
        Assert.Equal(Reason, Said.Result(held));
        Assert.All(order.Workflow.Where(e => e.Type == WorkflowEventType.Email), e => Assert.NotEqual(WorkflowStatus.OnHold, e.Status));
        var note = Assert.Single(order.Notes.Skip(before));
        Assert.True(note.System);
        Assert.Contains("Auto-payments disabled", Said.Text(note));
        Assert.Contains(Said.Description(held), Said.Text(note));
    }

    [Fact]
    public void Holding_charges_at_placement_holds_the_SH_charge_too()
    {
        var order = Trial();

        order.HoldCharges(PlacedAt, DisabledByAdmin);

        Assert.Equal(WorkflowStatus.OnHold, order.Event(WorkflowIds.ShippingCharge).Status);
        Assert.Equal(WorkflowIds.OrderConfirmation, order.NextDueEvent(PlacedAt)?.Id);
    }

    [Fact]
    public void No_charge_is_due_while_held_but_emails_still_run()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        order.HoldCharges(Day(1), DisabledByAdmin);

        var ran = RunDue(order, Day(40));

        Assert.Equal([WorkflowIds.TrialReminder, WorkflowIds.ExtensionOffer], ran);
        Assert.Null(order.NextDueEvent(Day(40)));
        Assert.Null(order.NextDue());
        Assert.Equal(OrderStatus.Trial, order.Status);
        Assert.Single(order.Payments);
    }

    [Fact]
    public void Holding_when_nothing_waits_adds_no_note()
    {
        var order = PaidTrial();
        var before = order.Notes.Count;

        order.HoldCharges(Day(16), DisabledByAdmin);

        Assert.False(order.AutoPaymentsEnabled);
        Assert.Equal(before, order.Notes.Count);
    }

    [Fact]
    public void Releasing_makes_held_charges_Waiting_and_due_at_once_when_past_due()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        order.HoldCharges(Day(1), DisabledByAdmin);
        RunDue(order, Day(20));
        var before = order.Notes.Count;

        order.ReleaseCharges(Day(20));

        Assert.True(order.AutoPaymentsEnabled);
        var charge = order.Event(WorkflowIds.ProductCharge);
        Assert.Equal(WorkflowStatus.Waiting, charge.Status);
        Assert.Null(Said.Result(charge));
        Assert.Equal(WorkflowIds.ProductCharge, order.NextDueEvent(Day(20))?.Id);
        Assert.Equal([WorkflowIds.ProductCharge, WorkflowIds.PaymentConfirmation], RunDue(order, Day(20)));
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Contains(order.Notes.Skip(before), n => n.System && Said.Text(n).Contains("enabled again", StringComparison.Ordinal));
    }

    [Fact]
    public void Releasing_before_the_charge_date_keeps_it_on_its_date()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        order.HoldCharges(Day(1), DisabledByAdmin);

        order.ReleaseCharges(Day(5));

        Assert.Equal(Day(15), order.Event(WorkflowIds.ProductCharge).ScheduledAt);
        Assert.NotEqual(WorkflowIds.ProductCharge, order.NextDueEvent(Day(14))?.Id);
        Assert.Equal(WorkflowIds.ProductCharge, RunDue(order, Day(15)).SkipWhile(id => id != WorkflowIds.ProductCharge).FirstOrDefault());
    }

    [Fact]
    public void A_held_trial_can_still_be_extended_and_the_charge_then_runs_on_the_extended_date()
    {
        var order = Trial();
        RunDue(order, Day(13));
        order.HoldCharges(Day(13), DisabledByAdmin);

        order.Extend(Day(14));
        order.ReleaseCharges(Day(16));

        Assert.Null(order.NextDueEvent(Day(16)));
        Assert.Equal(Day(30), order.NextDue());
    }
}
