using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Offers;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

public sealed class TrialWorkflowTests
{
    private static readonly TrialRequest Custom = new(TrialDays: 30, ExtensionDays: 10, ReminderDay: 10, ExtensionOfferDaysBeforeEnd: 5);

    // ---- the trial schedule ----

    [Fact]
    public void The_default_schedule_is_reminder_day_7_offer_day_13_charge_day_15_or_day_30_once_extended()
    {
        var s = TrialSchedule.For(PlacedAt, TrialSettings.Default);

        Assert.Equal(PlacedAt.AddDays(7), s.ReminderAt());
        Assert.Equal(PlacedAt.AddDays(13), s.ExtensionOfferAt());
        Assert.Equal(PlacedAt.AddDays(15), s.ChargeAt(extended: false));
        Assert.Equal(PlacedAt.AddDays(30), s.ChargeAt(extended: true));
        Assert.Equal(7, s.DaysLeftAtReminder());
    }

    [Fact]
    public void Custom_trial_settings_30_10_10_5_move_every_instant()
    {
        var order = Trial(Custom);

        Assert.Equal(PlacedAt, order.Event(WorkflowIds.ShippingCharge).ScheduledAt);
        Assert.Equal(PlacedAt, order.Event(WorkflowIds.OrderConfirmation).ScheduledAt);
        Assert.Equal(PlacedAt.AddDays(10), order.Event(WorkflowIds.TrialReminder).ScheduledAt);
        Assert.Equal(PlacedAt.AddDays(25), order.Event(WorkflowIds.ExtensionOffer).ScheduledAt);
        Assert.Equal(PlacedAt.AddDays(30), order.Event(WorkflowIds.ProductCharge).ScheduledAt);
        Assert.Equal(PlacedAt.AddDays(30), order.Event(WorkflowIds.PaymentConfirmation).ScheduledAt);
        Assert.Contains("10 days gone, 19 left", Said.Description(order.Event(WorkflowIds.TrialReminder)));
        Assert.Equal(new TrialSchedule(PlacedAt, 30, 10, 10, 5), order.Trial);
    }

    [Fact]
    public void With_custom_settings_the_extension_moves_the_charge_by_the_extension_days()
    {
        var order = Trial(Custom);
        RunDue(order, Day(26));

        order.Extend(Day(26));

        Assert.Equal(PlacedAt.AddDays(40), order.Event(WorkflowIds.ProductCharge).ScheduledAt);
        Assert.Equal(PlacedAt.AddDays(40), order.Event(WorkflowIds.PaymentConfirmation).ScheduledAt);
        Assert.Contains("10 days", Said.Description(order.Event(WorkflowIds.TrialExtended)));
    }

    [Fact]
    public void Partial_trial_settings_take_the_defaults_for_what_is_left_out()
    {
        var order = Trial(new TrialRequest(TrialDays: 20));

        Assert.Equal(PlacedAt.AddDays(7), order.Event(WorkflowIds.TrialReminder).ScheduledAt);
        Assert.Equal(PlacedAt.AddDays(18), order.Event(WorkflowIds.ExtensionOffer).ScheduledAt);
        Assert.Equal(PlacedAt.AddDays(20), order.Event(WorkflowIds.ProductCharge).ScheduledAt);
        Assert.Equal(PlacedAt.AddDays(35), order.Trial!.ChargeAt(extended: true));
    }

    // ---- product charge and payment confirmation ----

    [Fact]
    public void The_payment_confirmation_is_not_due_until_the_product_charge_completed()
    {
        var order = TrialBeforeProductCharge();

        Assert.Equal(WorkflowIds.ProductCharge, order.NextDueEvent(Day(15))?.Id);
        Assert.Equal(WorkflowIds.ProductCharge, order.NextDueEvent(Day(45))?.Id);
        Assert.Equal(Day(15), order.NextDue());

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, Day(15));
        Assert.Null(order.NextDueEvent(Day(15).AddMinutes(4)));
    }

    [Fact]
    public void The_payment_confirmation_becomes_due_at_once_after_an_approved_product_charge()
    {
        var order = TrialBeforeProductCharge();
        var chargedAt = Day(15).AddMinutes(3);

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Approved, chargedAt);

        Assert.Equal(WorkflowIds.PaymentConfirmation, order.NextDueEvent(chargedAt)?.Id);
        Assert.Equal(Day(15), order.NextDue());
    }

    [Fact]
    public void After_an_approved_product_charge_the_order_is_Paid_with_a_status_change_and_a_system_note()
    {
        var order = TrialBeforeProductCharge();
        var notesBefore = order.Notes.Count;

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Approved, Day(15));

        Assert.Equal(OrderStatus.Paid, order.Status);
        var change = order.History[^1];
        Assert.Equal((OrderStatus?)OrderStatus.Trial, change.From);
        Assert.Equal(OrderStatus.Paid, change.To);
        Assert.Equal(Day(15), change.At);
        Assert.Equal(Order.SystemAuthor, change.By);
        var note = Assert.Single(order.Notes.Skip(notesBefore));
        Assert.True(note.System);
        Assert.Equal(Order.SystemAuthor, note.Author);
        Assert.Contains("Paid", Said.Text(note));
    }

    [Fact]
    public void An_approved_product_charge_is_recorded_on_its_row_and_in_the_payment_history()
    {
        var order = TrialBeforeProductCharge();

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Approved, Day(15));

        var row = order.Event(WorkflowIds.ProductCharge);
        Assert.Equal(WorkflowStatus.Completed, row.Status);
        Assert.Equal(Day(15), row.ExecutedAt);
        Assert.Equal("txn-product-charge", row.TransactionId);
        Assert.Contains("USD 49.95", Said.Result(row));
        Assert.Contains("txn-product-charge", Said.Result(row));
        var payment = order.Payments[^1];
        Assert.Equal((PaymentKind.Charge, ProductUsd, "USD", PaymentStatus.Approved, WorkflowIds.ProductCharge), (payment.Kind, payment.Amount, payment.Currency, payment.Status, payment.EventId));
        Assert.Equal($"{Number}:{WorkflowIds.ProductCharge}", payment.IdempotencyKey);
        Assert.Equal(ShUsd + ProductUsd, order.Income());
    }

    [Fact]
    public void An_approved_SH_charge_does_not_make_a_trial_order_Paid()
    {
        var order = Trial();

        Charge(order, WorkflowIds.ShippingCharge, PaymentStatus.Approved, PlacedAt);

        Assert.Equal(OrderStatus.Trial, order.Status);
        Assert.Single(order.History);
    }

    // ---- extending the trial ----

    [Fact]
    public void Extending_moves_the_product_charge_and_its_confirmation_to_day_30()
    {
        var order = TrialBeforeProductCharge();

        order.Extend(Day(14.5));

        Assert.Equal(Day(30), order.Event(WorkflowIds.ProductCharge).ScheduledAt);
        Assert.Equal(Day(30), order.Event(WorkflowIds.PaymentConfirmation).ScheduledAt);
        Assert.True(order.IsExtended());
        Assert.Equal(Day(14.5), order.ExtendedAt);
        Assert.Equal(OrderStatus.Trial, order.Status);
        Assert.Null(order.NextDueEvent(Day(15)));
        Assert.Null(order.NextDueEvent(Day(30).AddTicks(-1)));
        Assert.Equal(Day(30), order.NextDue());
        Assert.Equal(WorkflowIds.ProductCharge, order.NextDueEvent(Day(30))?.Id);
    }

    [Fact]
    public void Extending_adds_a_completed_trial_extended_row_just_before_the_product_charge()
    {
        var order = TrialBeforeProductCharge();

        order.Extend(Day(14.5));

        var ids = order.Workflow.Select(e => e.Id).ToList();
        Assert.Equal(
            [
                WorkflowIds.ShippingCharge, WorkflowIds.OrderConfirmation, WorkflowIds.TrialReminder, WorkflowIds.ExtensionOffer,
                WorkflowIds.TrialExtended, WorkflowIds.ProductCharge, WorkflowIds.PaymentConfirmation,
            ],
            ids);
        var row = order.Event(WorkflowIds.TrialExtended);
        Assert.Equal(WorkflowStatus.Completed, row.Status);
        Assert.Equal(WorkflowKind.TrialExtended, row.Kind);
        Assert.Equal(WorkflowEventType.Extension, row.Type);
        Assert.Equal(Day(14.5), row.ScheduledAt);
        Assert.Equal(Day(14.5), row.ExecutedAt);
        Assert.Contains("15 days", Said.Description(row));
        Assert.Empty(row.Actions);
    }

    [Fact]
    public void Extending_adds_a_system_note()
    {
        var order = TrialBeforeProductCharge();
        var before = order.Notes.Count;

        order.Extend(Day(14.5));

        var note = Assert.Single(order.Notes.Skip(before));
        Assert.True(note.System);
        Assert.Contains("extended", Said.Text(note));
        Assert.Equal(Day(14.5), note.CreatedAt);
    }

    [Fact]
    public void A_second_extension_is_a_Conflict_and_changes_nothing()
    {
        var order = TrialBeforeProductCharge();
        order.Extend(Day(14.5));
        var before = Snapshot(order);

        var refusal = Conflict(() => order.Extend(Day(14)));

        Assert.Contains("already extended", refusal.Title);
        Assert.Equal(before, Snapshot(order));
        Assert.Equal(Day(14.5), order.ExtendedAt);
    }

    [Fact]
    public void Extending_after_the_product_charge_completed_is_a_Conflict()
    {
        var order = PaidTrial();
        var before = Snapshot(order);

        Conflict(() => order.Extend(Day(15.5)));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void Extending_after_the_product_charge_was_declined_is_a_Conflict()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));
        var before = Snapshot(order);

        Conflict(() => order.Extend(Day(15.5)));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void Extending_a_Cancelled_order_is_a_Conflict()
    {
        var order = Trial();
        RunDue(order, Day(13));
        order.Cancel(Day(13), Agent, "Customer asked");
        var before = Snapshot(order);

        Conflict(() => order.Extend(Day(14.5)));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void Extending_a_non_trial_order_is_a_Conflict()
    {
        var order = Unpaid();
        var before = Snapshot(order);

        Conflict(() => order.Extend(Day(1)));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void An_extended_trial_is_charged_on_day_30_and_then_confirmed()
    {
        var order = TrialBeforeProductCharge();
        order.Extend(Day(14.5));

        Assert.Empty(RunDue(order, Day(29)));
        Assert.Equal([WorkflowIds.ProductCharge, WorkflowIds.PaymentConfirmation], RunDue(order, Day(30)));
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    // ---- emails ----

    [Fact]
    public void A_sent_email_is_Completed_with_its_recipient_and_message_id()
    {
        var order = Trial();

        Email(order, WorkflowIds.OrderConfirmation, DeliveryStatus.Sent, PlacedAt);

        var row = order.Event(WorkflowIds.OrderConfirmation);
        Assert.Equal(WorkflowStatus.Completed, row.Status);
        Assert.Equal("maria@example.com", row.Recipient);
        Assert.Equal("msg-order-confirmation", row.MessageId);
        Assert.Equal(PlacedAt, row.ExecutedAt);
        Assert.Contains("maria@example.com", Said.Result(row));
        Assert.Equal(["resend"], row.Actions);
    }

    [Fact]
    public void A_queued_email_stays_Waiting_and_is_checked_again_after_the_recheck_period()
    {
        var order = Trial();
        Charge(order, WorkflowIds.ShippingCharge, PaymentStatus.Approved, PlacedAt);

        Email(order, WorkflowIds.OrderConfirmation, DeliveryStatus.Queued, PlacedAt);

        var row = order.Event(WorkflowIds.OrderConfirmation);
        Assert.Equal(WorkflowStatus.Waiting, row.Status);
        Assert.Equal(PlacedAt.AddMinutes(1), row.RecheckAt);
        Assert.Null(order.NextDueEvent(PlacedAt.AddSeconds(59)));
        Assert.Equal(WorkflowIds.OrderConfirmation, order.NextDueEvent(PlacedAt.AddMinutes(1))?.Id);
        Assert.Empty(row.Actions);
    }

    [Fact]
    public void A_failed_email_is_Failed_and_never_due_again()
    {
        var order = Trial();
        Charge(order, WorkflowIds.ShippingCharge, PaymentStatus.Approved, PlacedAt);

        Email(order, WorkflowIds.OrderConfirmation, DeliveryStatus.Failed, PlacedAt);

        Assert.Equal(WorkflowStatus.Failed, order.Event(WorkflowIds.OrderConfirmation).Status);
        Assert.Null(order.NextDueEvent(Day(6)));
    }

    [Fact]
    public void An_email_to_a_customer_without_an_address_is_skipped_as_Cancelled()
    {
        var order = Trial(customer: Maria with { Email = null });

        order.SkipEmail(WorkflowIds.OrderConfirmation, PlacedAt);

        var row = order.Event(WorkflowIds.OrderConfirmation);
        Assert.Equal(WorkflowStatus.Cancelled, row.Status);
        Assert.Contains("no email address", Said.Result(row));
    }

    [Fact]
    public void A_duplicate_email_result_on_a_completed_row_changes_nothing()
    {
        var order = Trial();
        Email(order, WorkflowIds.OrderConfirmation, DeliveryStatus.Sent, PlacedAt);
        var before = Snapshot(order);

        Email(order, WorkflowIds.OrderConfirmation, DeliveryStatus.Failed, PlacedAt.AddMinutes(5));

        Assert.Equal(before, Snapshot(order));
        Assert.Equal(WorkflowStatus.Completed, order.Event(WorkflowIds.OrderConfirmation).Status);
    }

    [Fact]
    public void An_unknown_workflow_event_is_NotFound()
    {
        var refusal = Assert.Throws<DomainException>(() => Trial().Event("nope"));
        Assert.Equal(ProblemKind.NotFound, refusal.Kind);
    }
}
