using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

public sealed class OrderPlacementTests
{
    // ---- a trial order ----

    [Fact]
    public void A_trial_order_starts_in_Trial_with_a_placed_row_in_its_history()
    {
        var order = Trial();

        Assert.Equal(OrderStatus.Trial, order.Status);
        Assert.True(order.IsTrial);
        Assert.Equal(PlacedAt, order.PlacedAt);
        Assert.Equal(Agent, order.PlacedBy);
        var placed = Assert.Single(order.History);
        Assert.Null(placed.From);
        Assert.Equal(OrderStatus.Trial, placed.To);
        Assert.Equal(PlacedAt, placed.At);
        Assert.Null(order.AutoCancelAt);
    }

    [Fact]
    public void A_trial_order_charges_only_shipping_and_handling_at_placement()
    {
        var order = Trial();

        var first = order.NextDueEvent(PlacedAt);
        Assert.NotNull(first);
        Assert.Equal(WorkflowIds.ShippingCharge, first.Id);
        Assert.Equal(WorkflowEventType.Charge, first.Type);
        Assert.Equal(ShUsd, first.Amount);
        Assert.Equal(ShUsd, order.AmountToCharge(first));

        var due = RunDue(order, PlacedAt);
        Assert.Equal([WorkflowIds.ShippingCharge, WorkflowIds.OrderConfirmation], due);
        var payment = Assert.Single(order.Payments);
        Assert.Equal(ShUsd, payment.Amount);
        Assert.Equal(OrderStatus.Trial, order.Status);
    }

    [Fact]
    public void The_shipping_and_handling_charge_includes_the_delivery_method_price()
    {
        var order = Trial(deliveryMethodId: "std");

        var first = order.NextDueEvent(PlacedAt)!;
        Assert.Equal(WorkflowIds.ShippingCharge, first.Id);
        Assert.Equal(ShUsd + StandardUsd, first.Amount);
        Assert.Equal(ShUsd + StandardUsd, order.AmountToCharge(first));
    }

    [Fact]
    public void The_product_charge_of_a_trial_is_scheduled_at_placement_plus_15_days_for_the_items_total()
    {
        var order = Trial();

        var charge = order.Event(WorkflowIds.ProductCharge);
        Assert.Equal(PlacedAt.AddDays(15), charge.ScheduledAt);
        Assert.Equal(ProductUsd, charge.Amount);
        Assert.Equal(ProductUsd, order.AmountToCharge(charge));
        Assert.Equal(WorkflowStatus.Waiting, charge.Status);
    }

    [Fact]
    public void The_trial_timeline_is_SH_charge_confirmation_reminder_extension_offer_product_charge_payment_confirmation()
    {
        var order = Trial();

        Assert.Equal(
            [
                (WorkflowIds.ShippingCharge, WorkflowEventType.Charge, PlacedAt),
                (WorkflowIds.OrderConfirmation, WorkflowEventType.Email, PlacedAt),
                (WorkflowIds.TrialReminder, WorkflowEventType.Email, PlacedAt.AddDays(7)),
                (WorkflowIds.ExtensionOffer, WorkflowEventType.Email, PlacedAt.AddDays(13)),
                (WorkflowIds.ProductCharge, WorkflowEventType.Charge, PlacedAt.AddDays(15)),
                (WorkflowIds.PaymentConfirmation, WorkflowEventType.Email, PlacedAt.AddDays(15)),
            ],
            order.Workflow.Select(e => (e.Id, e.Type, e.ScheduledAt)));
        Assert.All(order.Workflow, e => Assert.Equal(WorkflowStatus.Waiting, e.Status));
    }

    [Fact]
    public void The_day_7_reminder_says_7_days_gone_7_left()
    {
        var reminder = Trial().Event(WorkflowIds.TrialReminder);

        Assert.Equal(WorkflowKind.TrialReminder, reminder.Kind);
        Assert.Contains("7 days gone, 7 left", Said.Description(reminder));
    }

    [Fact]
    public void Running_a_whole_trial_does_its_steps_in_timeline_order()
    {
        var order = Trial();
        var ran = new List<string>();
        foreach (var day in new[] { 0, 1, 6, 7, 8, 12, 13, 14, 15, 16, 60 })
        {
            ran.AddRange(RunDue(order, Day(day)));
        }

        Assert.Equal(
            [
                WorkflowIds.ShippingCharge, WorkflowIds.OrderConfirmation, WorkflowIds.TrialReminder,
                WorkflowIds.ExtensionOffer, WorkflowIds.ProductCharge, WorkflowIds.PaymentConfirmation,
            ],
            ran);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Null(order.NextDue());
    }

    [Fact]
    public void During_the_trial_the_payment_history_holds_only_the_SH_row()
    {
        var order = Trial();
        RunDue(order, Day(14.9));

        var only = Assert.Single(order.Payments);
        Assert.Equal(PaymentKind.Charge, only.Kind);
        Assert.Equal(WorkflowIds.ShippingCharge, only.EventId);
        Assert.Equal(ShUsd, only.Amount);
        Assert.Equal("USD", only.Currency);
        Assert.Equal(order.ChargeKey(order.Event(WorkflowIds.ShippingCharge)), only.IdempotencyKey);
    }

    [Fact]
    public void Nothing_is_due_between_two_steps_and_NextDue_names_the_next_one()
    {
        var order = Trial();
        RunDue(order, PlacedAt);

        Assert.Null(order.NextDueEvent(Day(7).AddTicks(-1)));
        Assert.Equal(Day(7), order.NextDue());
        Assert.Equal(WorkflowIds.TrialReminder, order.NextDueEvent(Day(7))?.Id);
    }

    [Fact]
    public void A_charge_key_is_the_order_number_and_event_id_and_never_changes()
    {
        var order = Trial();
        var charge = order.Event(WorkflowIds.ProductCharge);
        var before = order.ChargeKey(charge);

        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.Unknown, Day(15));

        Assert.Equal($"{Number}:{WorkflowIds.ProductCharge}", before);
        Assert.Equal(before, order.ChargeKey(order.Event(WorkflowIds.ProductCharge)));
    }

    // ---- amounts come from the offer ----

    [Fact]
    public void Lines_are_priced_from_the_offer_in_the_order_currency_times_their_quantity()
    {
        var order = Trial(items: [new OrderLine("main", 2), new OrderLine("serum", 3)]);

        Assert.Equal(
            [("main", "Cream", 2, ProductUsd, 2 * ProductUsd), ("serum", "Night serum", 3, SerumUsd, 3 * SerumUsd)],
            order.Items.Select(i => (i.Sku, i.Name, i.Quantity, i.UnitPrice, i.Total)));
        Assert.Equal((2 * ProductUsd) + (3 * SerumUsd), order.Event(WorkflowIds.ProductCharge).Amount);
    }

    [Fact]
    public void A_JPY_trial_takes_the_offers_JPY_prices()
    {
        var order = Trial(currency: "JPY", deliveryMethodId: "std");

        Assert.Equal("JPY", order.Currency);
        Assert.Equal(500m, order.ShippingAndHandling);
        Assert.Equal(1100m, order.Event(WorkflowIds.ShippingCharge).Amount);
        Assert.Equal(5400m, order.Event(WorkflowIds.ProductCharge).Amount);
    }

    [Fact]
    public void A_request_without_lines_buys_one_main_product_through_the_sandbox_provider()
    {
        var validated = Request(items: null).ToCommand();

        Assert.Equal([new OrderLine("main", 1)], validated.Items);
        Assert.Equal(PaymentProviders.Sandbox, validated.PaymentProvider);
        var order = Place(Request(items: []));
        Assert.Equal(ProductUsd, order.ItemsTotal());
        Assert.Equal(PaymentProviders.Sandbox, order.PaymentProvider);
    }

    [Fact]
    public void Analytics_with_neither_source_nor_channel_are_not_kept()
    {
        Assert.Null(Place(Request(analytics: new Analytics(null, null))).Analytics);
        Assert.Equal(new Analytics("tv", null), Place(Request(analytics: new Analytics("tv", null))).Analytics);
    }

    // ---- a non-trial order ----

    [Fact]
    public void A_non_trial_order_with_a_card_charges_its_whole_total_at_once_and_confirms_payment_after_it()
    {
        var order = Place(Request(trial: false, deliveryMethodId: "std"));

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Null(order.Trial);
        Assert.Equal([WorkflowIds.PaymentCharge, WorkflowIds.OrderConfirmation, WorkflowIds.PaymentConfirmation], order.Workflow.Select(e => e.Id));
        var charge = order.NextDueEvent(PlacedAt)!;
        Assert.Equal(WorkflowIds.PaymentCharge, charge.Id);
        Assert.Equal(ProductUsd + ShUsd + StandardUsd, charge.Amount);

        Assert.Equal([WorkflowIds.PaymentCharge, WorkflowIds.OrderConfirmation, WorkflowIds.PaymentConfirmation], RunDue(order, PlacedAt));
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    // ---- validation against the offer ----

    [Fact]
    public void An_upsell_sku_the_offer_does_not_have_is_refused_on_its_line()
    {
        var refusal = Refusals.Of(() => Place(Request(items: [new OrderLine("lipstick", 1)])));
        Assert.Equal(["items[0].sku"], refusal.Errors.Keys);
        Assert.Contains("lipstick", refusal.Errors["items[0].sku"][0]);
    }

    [Fact]
    public void The_bad_line_is_named_by_its_index()
    {
        Refusals.OnlyFor("items[1].sku", () => Place(Request(items: [new OrderLine("main", 1), new OrderLine("lipstick", 1)])));
    }

    [Fact]
    public void A_currency_the_offer_does_not_price_is_refused_on_currency()
    {
        Refusals.OnlyFor("currency", () => Place(Request(currency: "EUR")));
        Refusals.OnlyFor("currency", () => Place(Request(trial: false, currency: "EUR")));
    }

    [Fact]
    public void A_currency_that_is_not_ISO_4217_is_refused_on_currency()
    {
        Refusals.OnlyFor("currency", () => Request(currency: "XYZ").ToCommand());
        Refusals.OnlyFor("currency", () => Request(currency: null).ToCommand());
    }

    [Fact]
    public void An_unknown_delivery_method_is_refused_on_deliveryMethodId()
    {
        Refusals.OnlyFor("deliveryMethodId", () => Place(Request(deliveryMethodId: "drone")));
    }

    [Fact]
    public void A_delivery_method_without_a_price_in_the_order_currency_is_refused_on_deliveryMethodId()
    {
        Refusals.OnlyFor("deliveryMethodId", () => Place(Request(currency: "JPY", deliveryMethodId: "express")));
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var fields = Refusals.FieldsOf(() => Place(Request(currency: "JPY", items: [new OrderLine("lipstick", 1)], deliveryMethodId: "drone")));
        Assert.Equal(["deliveryMethodId", "items[0].sku"], fields.Order(StringComparer.Ordinal));
    }

    // ---- validation of the request itself ----

    [Fact]
    public void A_valid_request_passes()
    {
        var validated = Request().ToCommand();
        Assert.Equal(Token, validated.CardToken);
    }

    [Fact]
    public void A_trial_without_a_card_token_is_refused_on_cardToken()
    {
        Refusals.OnlyFor("cardToken", () => Request(trial: true, cardToken: null).ToCommand());
    }

    [Fact]
    public void A_non_trial_order_may_come_without_a_card_token()
    {
        var validated = Request(trial: false, cardToken: null).ToCommand();
        Assert.Null(validated.CardToken);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111111111111111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("tok 4111111111111111")]
    public void A_card_number_as_card_token_is_refused_and_never_echoed(string pan)
    {
        var refusal = Refusals.Of(() => Request(cardToken: pan).ToCommand());

        Assert.Equal(["cardToken"], refusal.Errors.Keys);
        var digits = new string(pan.Where(char.IsAsciiDigit).ToArray());
        var everything = string.Join("\n", [refusal.Message, refusal.Title, refusal.Detail ?? "", .. refusal.Errors.SelectMany(e => e.Value)]);
        Assert.DoesNotContain(pan, everything);
        Assert.DoesNotContain(digits, everything.Replace(" ", "").Replace("-", ""));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("1234")]
    [InlineData(" 123 ")]
    public void A_CVV_like_card_token_is_refused_and_never_echoed(string cvv)
    {
        var refusal = Refusals.Of(() => Request(cardToken: cvv).ToCommand());

        Assert.Equal(["cardToken"], refusal.Errors.Keys);
        Assert.DoesNotContain(cvv.Trim(), string.Join("\n", refusal.Errors["cardToken"]));
    }

    [Fact]
    public void A_card_token_longer_than_200_characters_is_refused()
    {
        Refusals.OnlyFor("cardToken", () => Request(cardToken: "tok_" + new string('a', 197)).ToCommand());
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("300.1.2.3")]
    [InlineData("1.2.3.4.5")]
    public void A_bad_IP_is_refused_on_ip(string ip)
    {
        Refusals.OnlyFor("ip", () => Request(ip: ip).ToCommand());
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::1")]
    public void IPv4_and_IPv6_addresses_are_accepted(string ip)
    {
        Assert.Equal(ip, Place(Request(ip: ip)).Ip);
    }

    [Fact]
    public void A_second_line_with_the_same_sku_is_refused_on_that_line()
    {
        Refusals.OnlyFor("items[1]", () => Request(items: [new OrderLine("main", 1), new OrderLine("main", 2)]).ToCommand());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_quantity_outside_1_to_100_is_refused_on_its_line(int quantity)
    {
        Refusals.OnlyFor("items[0].quantity", () => Request(items: [new OrderLine("main", quantity)]).ToCommand());
    }

    [Fact]
    public void More_than_20_lines_are_refused()
    {
        var lines = Enumerable.Range(0, 21).Select(i => new OrderLine($"sku-{i}", 1)).ToList();
        Assert.Contains("items", Refusals.FieldsOf(() => Request(items: lines).ToCommand()));
    }

    [Fact]
    public void A_payment_provider_this_CRM_does_not_know_is_refused()
    {
        Refusals.OnlyFor("paymentProvider", () => Request(paymentProvider: "paypal").ToCommand());
    }

    [Fact]
    public void A_negative_affiliate_commission_is_refused()
    {
        Refusals.OnlyFor("affiliate.commission", () => Request(affiliate: new Affiliate("aff-1", -1m)).ToCommand());
    }
}
