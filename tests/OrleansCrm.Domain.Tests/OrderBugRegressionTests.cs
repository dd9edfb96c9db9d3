using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

public sealed class OrderBugRegressionTests
{
    // ---- BUG 1: a product charge whose outcome is unknown can be "extended" ----
    // PRODUCT.md: "Extending after the charge has happened is refused" and "A charge whose outcome is
    // unknown (timeout) is resolved by asking the provider with the same key". Order.Extend only looks
    // at the row's status (Waiting), so a charge in doubt (RecheckAt set: the provider may already have
    // taken the money) is moved to day 30, and its recheck is postponed with it by 15 days.

    [Fact]
    public void Extending_while_the_product_charge_outcome_is_unknown_is_refused()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, Day(15));
        var before = Snapshot(order);

        Conflict(() => order.Extend(Day(15).AddMinutes(1)));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void The_recheck_of_an_unknown_charge_is_never_postponed_by_an_extension()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, Day(15));

        try
        {
            order.Extend(Day(15).AddMinutes(1));
        }
        catch (Common.DomainException)
        {
            // refusing is the fix; either way the recheck must stay 5 minutes out
        }

        Assert.Equal(WorkflowIds.ProductCharge, order.NextDueEvent(Day(15).AddMinutes(5))?.Id);
    }

    // ---- BUG 2: cancelling (or deleting) drops a charge whose outcome is unknown ----
    // Cancel/Delete/full refund call CancelWaiting, which cancels a Waiting charge even when RecheckAt
    // is set (the provider was asked and did not answer). The recheck never runs, RecordCharge later
    // ignores the answer (the row is no longer Waiting), so a charge that did go through is never
    // recorded: money was taken, the payment history does not show it and it cannot be refunded
    // (PlanRefund only sees recorded payments). "Money is never moved twice" and the in-doubt rule
    // require the outcome to be resolved first.

    [Fact]
    public void Cancelling_keeps_a_charge_in_doubt_until_the_provider_answers()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, Day(15));

        order.Cancel(Day(15).AddMinutes(1), Agent, "Customer refused");

        Assert.Equal(WorkflowIds.ProductCharge, order.NextDueEvent(Day(15).AddMinutes(5))?.Id);
    }

    [Fact]
    public void A_charge_in_doubt_that_went_through_is_recorded_even_if_the_order_was_cancelled_meanwhile()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, Day(15));
        order.Cancel(Day(15).AddMinutes(1), Agent, "Customer refused");

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Approved, Day(15).AddMinutes(5));

        Assert.Contains(order.Payments, p => p.EventId == WorkflowIds.ProductCharge && p.Status == PaymentStatus.Approved);
        Assert.Equal(ShUsd + ProductUsd, order.Refundable());
    }

    // ---- BUG 3: a trial prepaid in full still sends the trial reminder and the extension offer ----
    // RecordPrepayment cancels only the waiting charges. The day-7 reminder ("On <date> we will charge
    // USD 49.95 for the product") and the extension offer (whose link then answers Conflict, the order
    // being Paid) stay Waiting and are sent to a customer who already paid; the payment confirmation
    // (After = product-charge, now Cancelled) stays Waiting forever and is never sent nor cancelled.

    [Fact]
    public void A_trial_prepaid_in_full_sends_no_trial_reminder_nor_extension_offer()
    {
        var order = Trial();
        RunDue(order, PlacedAt);

        order.RecordPrepayment(PrepaymentResult(order, ProductUsd, Day(2)), ProductUsd, Day(2), Agent);

        var sent = RunDue(order, Day(60));
        Assert.DoesNotContain(WorkflowIds.TrialReminder, sent);
        Assert.DoesNotContain(WorkflowIds.ExtensionOffer, sent);
    }

    [Fact]
    public void A_trial_prepaid_in_full_leaves_no_workflow_row_waiting_forever()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        order.RecordPrepayment(PrepaymentResult(order, ProductUsd, Day(2)), ProductUsd, Day(2), Agent);

        RunDue(order, Day(60));

        Assert.DoesNotContain(order.Workflow, e => e.Status == WorkflowStatus.Waiting);
    }

    // ---- BUG 4: a non-trial order whose card charge is declined has no auto-cancel date ----
    // PRODUCT.md: "Unpaid orders have an auto-cancel date (default: 7 days after placement) ... the order
    // cancels itself at that time." BuildWorkflow sets AutoCancelAt only when there is no card token.
    // With a card, a declined order charge (no dunning for it) leaves the order Pending forever.

    [Fact]
    public void A_non_trial_order_whose_charge_was_declined_still_cancels_itself_7_days_after_placement()
    {
        var order = Place(Request(trial: false));
        RunDue(order, PlacedAt, _ => PaymentStatus.Declined);

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(PlacedAt.AddDays(7), order.AutoCancelAt);
        Assert.True(order.AutoCancelDue(Day(7)));
    }

    // ---- BUG 5: the order IP check accepts things that are not written IP addresses ----
    // PlaceOrder.Validated uses IPAddress.TryParse, which accepts legacy inet_aton forms: "42" (0.0.0.42),
    // "127.1", "0x7f.1" and octal "010.1.1.1" (= 8.1.1.1). The raw string is stored as the order's IP,
    // so the order page shows "42" as an IP, and "010.1.1.1" reads as 10.1.1.1 while it parses as 8.1.1.1.

    [Theory]
    [InlineData("42")]
    [InlineData("127.1")]
    [InlineData("0x7f.1")]
    [InlineData("010.1.1.1")]
    [InlineData("4294967295")]
    public void Only_a_dotted_quad_or_an_IPv6_address_is_an_IP(string ip)
    {
        Refusals.OnlyFor("ip", () => Request(ip: ip).ToCommand());
    }
}
