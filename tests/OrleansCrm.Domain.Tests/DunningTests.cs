using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

public sealed class DunningTests
{
    private const string Retry1 = "product-charge-retry-1";
    private const string Retry2 = "product-charge-retry-2";
    private const string Retry3 = "product-charge-retry-3";

    // ---- the policy ----

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 7)]
    public void Retries_run_1_3_and_7_days_after_the_charge_first_fell_due(int retry, int days)
    {
        Assert.Equal(PlacedAt.AddDays(days), DunningPolicy.RetryAt(PlacedAt, retry));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void There_is_no_retry_before_the_first_or_after_the_third(int retry)
    {
        Assert.Null(DunningPolicy.RetryAt(PlacedAt, retry));
    }

    // ---- a declined product charge ----

    [Fact]
    public void A_declined_product_charge_is_Failed_with_its_reason_and_a_declined_payment_row()
    {
        var order = TrialBeforeProductCharge();

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));

        var row = order.Event(WorkflowIds.ProductCharge);
        Assert.Equal(WorkflowStatus.Failed, row.Status);
        Assert.Equal("Insufficient funds", row.DeclineReason);
        Assert.Contains("Insufficient funds", Said.Result(row));
        Assert.Equal(Day(15), row.ExecutedAt);
        var payment = order.Payments[^1];
        Assert.Equal((PaymentStatus.Declined, WorkflowIds.ProductCharge, "Insufficient funds"), (payment.Status, payment.EventId, payment.DeclineReason));
        Assert.Equal(ShUsd, order.Income());
        Assert.Equal(OrderStatus.Trial, order.Status);
    }

    [Fact]
    public void A_declined_product_charge_adds_the_first_retry_one_day_after_it_fell_due()
    {
        var order = TrialBeforeProductCharge();

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15).AddMinutes(2));

        var retry = order.Event(Retry1);
        Assert.Equal(WorkflowKind.ProductChargeRetry, retry.Kind);
        Assert.Equal(WorkflowEventType.Charge, retry.Type);
        Assert.Equal(WorkflowStatus.Waiting, retry.Status);
        Assert.Equal(Day(16), retry.ScheduledAt);
        Assert.Equal(ProductUsd, order.AmountToCharge(retry));
        Assert.Contains("retry 1 of 3", Said.Description(retry));
        Assert.Single(order.Workflow, e => e.Kind == WorkflowKind.ProductChargeRetry);
        Assert.Null(order.NextDueEvent(Day(16).AddTicks(-1)));
        Assert.Equal(Retry1, order.NextDueEvent(Day(16))?.Id);
    }

    [Fact]
    public void Each_declined_retry_adds_the_next_at_plus_1_plus_3_plus_7_days_from_the_first_due_date()
    {
        var order = TrialBeforeProductCharge();

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));
        Charge(order, Retry1, PaymentStatus.Declined, Day(16));
        Charge(order, Retry2, PaymentStatus.Declined, Day(18));

        Assert.Equal(
            [(Retry1, Day(16)), (Retry2, Day(18)), (Retry3, Day(22))],
            order.Workflow.Where(e => e.Kind == WorkflowKind.ProductChargeRetry).Select(e => (e.Id, e.ScheduledAt)));
        Assert.Equal(OrderStatus.Trial, order.Status);
        Assert.Equal(WorkflowStatus.Waiting, order.Event(WorkflowIds.PaymentConfirmation).Status);
    }

    [Fact]
    public void Running_the_dunning_schedule_with_every_charge_declined_tries_4_times_then_stops()
    {
        var order = TrialBeforeProductCharge();
        var ran = new List<string>();
        foreach (var day in new[] { 15, 16, 17, 18, 20, 22, 40 })
        {
            ran.AddRange(RunDue(order, Day(day), _ => PaymentStatus.Declined));
        }

        Assert.Equal([WorkflowIds.ProductCharge, Retry1, Retry2, Retry3, WorkflowIds.PaymentFailedNotice], ran);
        Assert.Equal(OrderStatus.PaymentFailed, order.Status);
        Assert.Equal(4, order.Payments.Count(p => p.Kind == PaymentKind.Charge && p.Status == PaymentStatus.Declined));
        Assert.Null(order.NextDue());
    }

    [Fact]
    public void A_declined_last_retry_makes_the_order_PaymentFailed_cancels_the_payment_confirmation_and_tells_the_customer()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));
        Charge(order, Retry1, PaymentStatus.Declined, Day(16));
        Charge(order, Retry2, PaymentStatus.Declined, Day(18));
        var notesBefore = order.Notes.Count;
        var failedAt = Day(22).AddMinutes(1);

        Charge(order, Retry3, PaymentStatus.Declined, failedAt);

        Assert.Equal(OrderStatus.PaymentFailed, order.Status);
        Assert.Equal(3, order.Workflow.Count(e => e.Kind == WorkflowKind.ProductChargeRetry));
        var change = order.History[^1];
        Assert.Equal(((OrderStatus?)OrderStatus.Trial, OrderStatus.PaymentFailed, Order.SystemAuthor), (change.From, change.To, change.By));
        Assert.Contains("retries", Said.Reason(change));
        Assert.Equal(WorkflowStatus.Cancelled, order.Event(WorkflowIds.PaymentConfirmation).Status);

        var notice = order.Event(WorkflowIds.PaymentFailedNotice);
        Assert.Equal((WorkflowKind.PaymentFailedNotice, WorkflowEventType.Email, WorkflowStatus.Waiting, failedAt), (notice.Kind, notice.Type, notice.Status, notice.ScheduledAt));
        Assert.Equal(WorkflowIds.PaymentFailedNotice, order.NextDueEvent(failedAt)?.Id);

        Assert.Contains(order.Notes.Skip(notesBefore), n => n.System && Said.Text(n).Contains("Payment failed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hard_declined_product_charge_makes_the_order_PaymentFailed_at_once_with_no_retry()
    {
        var order = TrialBeforeProductCharge();

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.HardDeclined, Day(15));

        Assert.Equal(OrderStatus.PaymentFailed, order.Status);
        Assert.DoesNotContain(order.Workflow, e => e.Kind == WorkflowKind.ProductChargeRetry);
        Assert.Equal("Stolen card", order.Event(WorkflowIds.ProductCharge).DeclineReason);
        Assert.Contains("no retry", Said.Reason(order.History[^1]));
        Assert.Equal(WorkflowStatus.Cancelled, order.Event(WorkflowIds.PaymentConfirmation).Status);
        Assert.Equal(WorkflowIds.PaymentFailedNotice, order.NextDueEvent(Day(15))?.Id);
    }

    [Fact]
    public void A_hard_declined_retry_ends_the_dunning_at_once()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));

        Charge(order, Retry1, PaymentStatus.HardDeclined, Day(16));

        Assert.Equal(OrderStatus.PaymentFailed, order.Status);
        Assert.Single(order.Workflow, e => e.Kind == WorkflowKind.ProductChargeRetry);
    }

    [Fact]
    public void A_retry_that_is_approved_makes_the_order_Paid_and_sends_the_payment_confirmation()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));
        Charge(order, Retry1, PaymentStatus.Declined, Day(16));

        Charge(order, Retry2, PaymentStatus.Approved, Day(18));

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(WorkflowStatus.Completed, order.Event(Retry2).Status);
        Assert.DoesNotContain(order.Workflow, e => e.Id == Retry3);
        Assert.Equal(ShUsd + ProductUsd, order.Income());
        Assert.Equal(WorkflowIds.PaymentConfirmation, order.NextDueEvent(Day(18))?.Id);
        Assert.Equal([WorkflowIds.PaymentConfirmation], RunDue(order, Day(18)));
        Assert.Null(order.NextDue());
    }

    [Fact]
    public void After_an_extension_retries_count_from_the_extended_charge_date()
    {
        var order = TrialBeforeProductCharge();
        order.Extend(Day(14));

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(30));

        Assert.Equal(Day(31), order.Event(Retry1).ScheduledAt);
    }

    [Fact]
    public void Cancelling_during_dunning_cancels_the_waiting_retry()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));

        order.Cancel(Day(15.5), Agent, "Customer refused");

        Assert.Equal(WorkflowStatus.Cancelled, order.Event(Retry1).Status);
        Assert.Null(order.NextDueEvent(Day(60)));
    }

    // ---- an unknown outcome ----

    [Fact]
    public void An_unknown_outcome_leaves_the_charge_Waiting_with_a_recheck_5_minutes_later_and_no_payment_row()
    {
        var order = TrialBeforeProductCharge();
        var paymentsBefore = order.Payments.Count;
        var at = Day(15).AddSeconds(30);

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, at);

        var row = order.Event(WorkflowIds.ProductCharge);
        Assert.Equal(WorkflowStatus.Waiting, row.Status);
        Assert.Equal(at.AddMinutes(5), row.RecheckAt);
        Assert.Equal(TimeSpan.FromMinutes(5), Order.UnknownOutcomeRecheck);
        Assert.Null(row.ExecutedAt);
        Assert.Contains("unknown", Said.Result(row), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(paymentsBefore, order.Payments.Count);
        Assert.Equal(OrderStatus.Trial, order.Status);
    }

    [Fact]
    public void A_charge_with_an_unknown_outcome_is_not_due_again_before_its_recheck()
    {
        var order = TrialBeforeProductCharge();
        var at = Day(15).AddSeconds(30);

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, at);

        Assert.Null(order.NextDueEvent(at));
        Assert.Null(order.NextDueEvent(at.AddMinutes(5).AddTicks(-1)));
        Assert.Equal(at.AddMinutes(5), order.NextDue());
        Assert.Equal(WorkflowIds.ProductCharge, order.NextDueEvent(at.AddMinutes(5))?.Id);
    }

    [Fact]
    public void The_recheck_of_an_unknown_outcome_records_one_payment_under_the_same_key()
    {
        var order = TrialBeforeProductCharge();
        var key = order.ChargeKey(order.Event(WorkflowIds.ProductCharge));
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, Day(15));

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Approved, Day(15).AddMinutes(5));

        var payment = Assert.Single(order.Payments, p => p.EventId == WorkflowIds.ProductCharge);
        Assert.Equal(key, payment.IdempotencyKey);
        Assert.Null(order.Event(WorkflowIds.ProductCharge).RecheckAt);
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void Unknown_outcomes_in_a_row_move_the_recheck_each_time()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, Day(15));

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, Day(15).AddMinutes(5));

        Assert.Equal(Day(15).AddMinutes(10), order.Event(WorkflowIds.ProductCharge).RecheckAt);
        Assert.Null(order.NextDueEvent(Day(15).AddMinutes(9)));
    }

    // ---- duplicates ----

    [Fact]
    public void A_duplicate_result_for_a_completed_charge_changes_nothing()
    {
        var order = PaidTrial();
        var before = Snapshot(order);

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15).AddMinutes(1));
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Approved, Day(15).AddMinutes(2));

        Assert.Equal(before, Snapshot(order));
        Assert.Single(order.Payments, p => p.EventId == WorkflowIds.ProductCharge);
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void A_duplicate_decline_for_a_failed_charge_adds_no_second_retry()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));
        var before = Snapshot(order);

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15).AddMinutes(1));

        Assert.Equal(before, Snapshot(order));
        Assert.Single(order.Workflow, e => e.Kind == WorkflowKind.ProductChargeRetry);
    }
}
