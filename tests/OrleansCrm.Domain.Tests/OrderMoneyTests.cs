using OrleansCrm.Domain.Offers;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

public sealed class OrderMoneyTests
{
    // ---- totals ----

    [Fact]
    public void The_total_is_items_plus_shipping_and_handling_plus_delivery()
    {
        var order = Trial(deliveryMethodId: "std", items: [new OrderLine("main", 2), new OrderLine("serum", 1)]);

        Assert.Equal((2 * ProductUsd) + SerumUsd, order.ItemsTotal());
        Assert.Equal((2 * ProductUsd) + SerumUsd + ShUsd + StandardUsd, order.Total());
        Assert.Equal(129.84m, order.Total());
    }

    [Fact]
    public void A_trial_is_split_into_its_SH_charge_and_its_product_charge_which_add_up_to_the_total()
    {
        var order = Trial(deliveryMethodId: "std");

        Assert.Equal(order.Total(), order.Event(WorkflowIds.ShippingCharge).Amount + order.Event(WorkflowIds.ProductCharge).Amount);
    }

    [Fact]
    public void A_new_order_has_no_income_expenses_or_prepayments()
    {
        var order = Trial();

        Assert.Equal((0m, 0m, 0m, 0m), (order.Income(), order.Expenses(), order.Prepayments(), order.Refundable()));
    }

    [Fact]
    public void Income_counts_approved_charges_and_prepayments_but_not_declined_charges()
    {
        var order = TrialBeforeProductCharge();
        order.RecordPrepayment(PrepaymentResult(order, 10m, Day(14)), 10m, Day(14), Agent);
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));

        Assert.Equal(ShUsd + 10m, order.Income());
        Assert.Equal(10m, order.Prepayments());
        Assert.Equal(ShUsd + 10m, order.Refundable());
    }

    // ---- prepayments ----

    [Fact]
    public void A_prepayment_reduces_what_the_product_charge_takes()
    {
        var order = TrialBeforeProductCharge();

        order.RecordPrepayment(PrepaymentResult(order, 20m, Day(10)), 20m, Day(10), Agent);

        Assert.Equal(20m, order.Prepayments());
        Assert.Equal(ProductUsd - 20m, order.AmountToCharge(order.Event(WorkflowIds.ProductCharge)));
        Assert.Equal(OrderStatus.Trial, order.Status);
        Assert.Contains(order.Notes, n => n.System && Said.Text(n).Contains("Prepayment of USD 20.00", StringComparison.Ordinal));
        var row = order.Payments[^1];
        Assert.Equal((PaymentKind.Prepayment, 20m, PaymentStatus.Approved), (row.Kind, row.Amount, row.Status));
    }

    [Fact]
    public void Prepayments_also_reduce_a_dunning_retry()
    {
        var order = TrialBeforeProductCharge();
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));

        order.RecordPrepayment(PrepaymentResult(order, 15m, Day(15.5)), 15m, Day(15.5), Agent);

        Assert.Equal(ProductUsd - 15m, order.AmountToCharge(order.Event("product-charge-retry-1")));
    }

    [Fact]
    public void A_prepayment_covering_the_product_makes_a_trial_Paid_and_cancels_the_waiting_product_charge()
    {
        var order = Trial();
        RunDue(order, PlacedAt);

        order.RecordPrepayment(PrepaymentResult(order, ProductUsd, Day(3)), ProductUsd, Day(3), Agent);

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(WorkflowStatus.Cancelled, order.Event(WorkflowIds.ProductCharge).Status);
        Assert.Equal(WorkflowStatus.Completed, order.Event(WorkflowIds.ShippingCharge).Status);
        Assert.Equal(0m, order.AmountToCharge(order.Event(WorkflowIds.ProductCharge)));
        Assert.DoesNotContain(WorkflowIds.ProductCharge, RunDue(order, Day(60)));
        Assert.Equal(2, order.Payments.Count);
        Assert.Equal(OrderStatus.Paid, order.History[^1].To);
    }

    [Fact]
    public void Two_prepayments_that_together_cover_the_product_make_the_order_Paid()
    {
        var order = TrialBeforeProductCharge();

        order.RecordPrepayment(PrepaymentResult(order, 20m, Day(10), 1), 20m, Day(10), Agent);
        order.RecordPrepayment(PrepaymentResult(order, ProductUsd - 20m, Day(11), 2), ProductUsd - 20m, Day(11), Agent);

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(WorkflowStatus.Cancelled, order.Event(WorkflowIds.ProductCharge).Status);
    }

    [Fact]
    public void A_prepayment_of_the_whole_total_makes_an_unpaid_order_Paid_and_clears_its_auto_cancel()
    {
        var order = Unpaid(deliveryMethodId: "std");

        order.RecordPrepayment(PrepaymentResult(order, order.Total(), Day(2)), order.Total(), Day(2), Agent);

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Null(order.AutoCancelAt);
        Assert.Equal(ProductUsd + ShUsd + StandardUsd, order.Prepayments());
    }

    [Fact]
    public void A_prepayment_short_of_the_total_leaves_an_unpaid_order_Pending()
    {
        var order = Unpaid();

        order.RecordPrepayment(PrepaymentResult(order, ProductUsd, Day(2)), ProductUsd, Day(2), Agent);

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(PlacedAt.AddDays(7), order.AutoCancelAt);
    }

    // ---- refunds ----

    [Fact]
    public void PlanRefund_takes_from_the_newest_payment_first()
    {
        var order = PaidTrial();

        var plan = order.PlanRefund(50m);

        Assert.Equal(
            [(WorkflowIds.ProductCharge, ProductUsd), (WorkflowIds.ShippingCharge, 0.05m)],
            plan.Select(p => (p.Payment.EventId!, p.Amount)));
    }

    [Fact]
    public void PlanRefund_of_less_than_the_newest_payment_touches_only_that_one()
    {
        var order = PaidTrial();

        var only = Assert.Single(order.PlanRefund(10m));

        Assert.Equal((WorkflowIds.ProductCharge, 10m), (only.Payment.EventId, only.Amount));
    }

    [Fact]
    public void PlanRefund_never_takes_more_from_a_payment_than_it_has_left()
    {
        var order = PaidTrial();
        var product = order.Payments.Single(p => p.EventId == WorkflowIds.ProductCharge);
        order.RecordRefund(RefundResult(order, 40m, PaymentStatus.Approved, Day(16)), 40m, product.TransactionId!, Day(16), Agent, "damaged");

        Assert.Equal(ProductUsd - 40m, order.RefundableOf(product));
        var plan = order.PlanRefund(100m);

        Assert.Equal([(WorkflowIds.ProductCharge, ProductUsd - 40m), (WorkflowIds.ShippingCharge, ShUsd)], plan.Select(p => (p.Payment.EventId!, p.Amount)));
        Assert.All(plan, p => Assert.True(p.Amount <= order.RefundableOf(p.Payment)));
        Assert.Equal(order.Refundable(), plan.Sum(p => p.Amount));
    }

    [Fact]
    public void PlanRefund_skips_declined_charges_and_includes_prepayments()
    {
        var order = TrialBeforeProductCharge();
        order.RecordPrepayment(PrepaymentResult(order, 10m, Day(14)), 10m, Day(14), Agent);
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Declined, Day(15));

        var plan = order.PlanRefund(12m);

        Assert.Equal([(PaymentKind.Prepayment, 10m), (PaymentKind.Charge, 2m)], plan.Select(p => (p.Payment.Kind, p.Amount)));
        Assert.Equal(WorkflowIds.ShippingCharge, plan[1].Payment.EventId);
    }

    [Fact]
    public void A_partial_refund_keeps_the_status_and_adds_a_note()
    {
        var order = PaidTrial();
        var product = order.Payments.Single(p => p.EventId == WorkflowIds.ProductCharge);

        order.RecordRefund(RefundResult(order, 10m, PaymentStatus.Approved, Day(16)), 10m, product.TransactionId!, Day(16), Agent, "goodwill");

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(10m, order.Refunded());
        Assert.Equal(ShUsd + ProductUsd - 10m, order.Refundable());
        var refund = order.Payments[^1];
        Assert.Equal((PaymentKind.Refund, 10m, product.TransactionId), (refund.Kind, refund.Amount, refund.RefundOf));
        Assert.Contains(order.Notes, n => n.System && Said.Text(n).Contains("Partial refund of USD 10.00", StringComparison.Ordinal) && Said.Text(n).Contains("goodwill", StringComparison.Ordinal));
    }

    [Fact]
    public void A_full_refund_makes_the_order_Refunded_and_cancels_its_waiting_events()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        var sh = order.Payments.Single();

        order.RecordRefund(RefundResult(order, ShUsd, PaymentStatus.Approved, Day(2)), ShUsd, sh.TransactionId!, Day(2), Agent, "changed mind");

        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.Equal(0m, order.Refundable());
        Assert.Equal(WorkflowStatus.Cancelled, order.Event(WorkflowIds.ProductCharge).Status);
        Assert.Equal(WorkflowStatus.Cancelled, order.Event(WorkflowIds.TrialReminder).Status);
        Assert.DoesNotContain(order.Workflow, e => e.Status == WorkflowStatus.Waiting);
        Assert.Null(order.NextDue());
        Assert.Equal((OrderStatus?)OrderStatus.Trial, order.History[^1].From);
        Assert.Contains(order.Notes, n => n.System && Said.Text(n).StartsWith("Full refund", StringComparison.Ordinal));
    }

    [Fact]
    public void Refunding_every_part_of_a_plan_ends_Refunded()
    {
        var order = PaidTrial();
        var n = 0;

        foreach (var (payment, amount) in order.PlanRefund(order.Refundable()))
        {
            n++;
            order.RecordRefund(RefundResult(order, amount, PaymentStatus.Approved, Day(20), n), amount, payment.TransactionId!, Day(20), Agent, null);
        }

        Assert.Equal(2, n);
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.Equal(ShUsd + ProductUsd, order.Refunded());
        Assert.Empty(order.PlanRefund(1m));
    }

    [Fact]
    public void A_declined_refund_is_recorded_but_moves_no_money_and_keeps_the_status()
    {
        var order = PaidTrial();
        var product = order.Payments.Single(p => p.EventId == WorkflowIds.ProductCharge);
        var notes = order.Notes.Count;

        order.RecordRefund(RefundResult(order, 10m, PaymentStatus.Declined, Day(16)), 10m, product.TransactionId!, Day(16), Agent, null);

        Assert.Equal(PaymentStatus.Declined, order.Payments[^1].Status);
        Assert.Equal(0m, order.Refunded());
        Assert.Equal(ProductUsd, order.RefundableOf(product));
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(notes, order.Notes.Count);
    }

    // ---- expenses ----

    [Fact]
    public void Expenses_are_refunds_plus_the_affiliate_commission()
    {
        var order = Place(Request(affiliate: new Affiliate("aff-7", 12.50m)));
        RunDue(order, Day(15));
        Assert.Equal(12.50m, order.Expenses());

        var product = order.Payments.Single(p => p.EventId == WorkflowIds.ProductCharge);
        order.RecordRefund(RefundResult(order, 5m, PaymentStatus.Approved, Day(16)), 5m, product.TransactionId!, Day(16), Agent, null);

        Assert.Equal(17.50m, order.Expenses());
    }

    [Fact]
    public void Without_an_affiliate_expenses_are_only_refunds()
    {
        Assert.Equal(0m, PaidTrial().Expenses());
        Assert.Equal(0m, Place(Request(affiliate: new Affiliate("aff-7", null))).Expenses());
    }

    // ---- currencies ----

    [Fact]
    public void JPY_amounts_are_formatted_without_decimals()
    {
        var order = Trial(currency: "JPY");

        Assert.Equal("JPY 5400", order.Format(5400m));
        Assert.Equal("JPY 500", order.Format(500m));
    }

    [Fact]
    public void USD_amounts_are_formatted_with_two_decimals()
    {
        var order = Trial();

        Assert.Equal("USD 49.95", order.Format(49.95m));
        Assert.Equal("USD 5.00", order.Format(5m));
        Assert.Equal("USD 1234.50", order.Format(1234.5m));
    }

    [Fact]
    public void A_three_decimal_currency_is_formatted_with_three_decimals()
    {
        var bhd = new OfferRequest(
            "Cream",
            new Dictionary<string, decimal> { ["BHD"] = 18.750m },
            new Dictionary<string, decimal> { ["BHD"] = 1.5m },
            null,
            [],
            [],
            PrepaymentAllowed: true).Validated();
        var order = Place(Request(currency: "BHD"), bhd);

        Assert.Equal("BHD 18.750", order.Format(order.ItemsTotal()));
        Assert.Equal("BHD 1.500", order.Format(order.ShippingAndHandling));
    }

    [Fact]
    public void A_JPY_charge_is_taken_and_recorded_in_whole_yen()
    {
        var order = Trial(currency: "JPY");
        var sh = order.Event(WorkflowIds.ShippingCharge);
        var result = Result(order, sh, PaymentStatus.Approved, PlacedAt);

        order.RecordCharge(sh.Id, result, PlacedAt);

        Assert.Equal(500, result.AmountMinor);
        Assert.Equal(500m, order.Payments.Single().Amount);
        Assert.Equal("JPY", order.Payments.Single().Currency);
        Assert.Contains("Charged JPY 500,", Said.Result(sh));
    }

    [Fact]
    public void The_recorded_amount_is_what_the_provider_charged()
    {
        var order = TrialBeforeProductCharge();

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Approved, Day(15), amount: 49.90m);

        Assert.Equal(49.90m, order.Payments[^1].Amount);
    }
}
