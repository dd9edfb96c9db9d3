using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Offers;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

/// <summary>
/// Upsells sold on outbound calls: the quote (unit × quantity + shipping, in the currency of the
/// customer's main order, rounded to its minor units; quantity and shipping method must belong to the
/// upsell) and the upsell order itself (only on a paid main order, linked to it, in its currency).
/// </summary>
public sealed class UpsellQuoteTests
{
    private const string UpsellNumber = "ORD-2001";

    // ---- the price ----

    [Fact]
    public void The_price_is_unit_price_times_quantity_plus_shipping_in_the_main_order_s_currency()
    {
        var price = UpsellQuote.Price(Offer(), "USD", new UpsellChoice("serum", 2, "std"));

        Assert.Equal("USD", price.Currency);
        Assert.Equal("serum", price.UpsellId);
        Assert.Equal("Night serum", price.Name);
        Assert.Equal(2, price.Quantity);
        Assert.Equal(SerumUsd, price.UnitPrice);
        Assert.Equal(39.98m, price.ItemsTotal);
        Assert.Equal("std", price.ShippingMethodId);
        Assert.Equal("Standard", price.ShippingMethodName);
        Assert.Equal(StandardUsd, price.ShippingPrice);
        Assert.Equal(44.98m, price.Total);
    }

    [Fact]
    public void Another_shipping_method_of_the_upsell_changes_only_the_shipping_part_of_the_price()
    {
        var price = UpsellQuote.Price(Offer(), "USD", new UpsellChoice("serum", 1, "express"));

        Assert.Equal(SerumUsd, price.ItemsTotal);
        Assert.Equal(14.95m, price.ShippingPrice);
        Assert.Equal(34.94m, price.Total);
    }

    [Fact]
    public void A_JPY_main_order_is_quoted_in_JPY_with_no_minor_units()
    {
        var price = UpsellQuote.Price(Offer(), "JPY", new UpsellChoice("serum", 3, "std"));

        Assert.Equal("JPY", price.Currency);
        Assert.Equal(2200m, price.UnitPrice);
        Assert.Equal(6600m, price.ItemsTotal);
        Assert.Equal(600m, price.ShippingPrice);
        Assert.Equal(7200m, price.Total);
        Assert.Equal(decimal.Round(price.Total, 0), price.Total);
    }

    [Fact]
    public void A_price_is_rounded_to_the_minor_units_of_the_main_order_s_currency()
    {
        // Prices are validated to the currency's precision when the offer is saved; the quote rounds all the same.
        var offer = new Offer(
            "Cream",
            new Dictionary<string, decimal> { ["JPY"] = 5400m },
            new Dictionary<string, decimal> { ["JPY"] = 500m },
            TrialSettings.Default,
            [new Upsell("serum", "Night serum", new Dictionary<string, decimal> { ["JPY"] = 333.4m }, [3], ["std"])],
            [new ShippingMethod("std", "Standard", new Dictionary<string, decimal> { ["JPY"] = 599.6m })]);

        var price = UpsellQuote.Price(offer, "JPY", new UpsellChoice("serum", 3, "std"));

        Assert.Equal(1000m, price.ItemsTotal);
        Assert.Equal(600m, price.ShippingPrice);
        Assert.Equal(1600m, price.Total);
    }

    [Theory]
    [InlineData("USD", 19.99, 5.00)]
    [InlineData("EUR", 17.50, 4.00)]
    [InlineData("JPY", 2200, 600)]
    public void An_upsell_priced_in_several_currencies_is_quoted_in_the_main_order_s_currency(string currency, double unit, double shipping)
    {
        var offer = SeveralCurrencies();

        var price = UpsellQuote.Price(offer, currency, new UpsellChoice("serum", 2, "std"));

        Assert.Equal(currency, price.Currency);
        Assert.Equal((decimal)unit, price.UnitPrice);
        Assert.Equal((decimal)unit * 2, price.ItemsTotal);
        Assert.Equal((decimal)shipping, price.ShippingPrice);
        Assert.Equal(((decimal)unit * 2) + (decimal)shipping, price.Total);
    }

    // ---- what the agent may choose ----

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void A_quantity_the_upsell_does_not_allow_is_a_validation_problem_on_quantity(int quantity)
    {
        var refusal = Refusals.Of(() => UpsellQuote.Price(Offer(), "USD", new UpsellChoice("serum", quantity, "std")));

        Assert.Equal(["quantity"], refusal.Errors.Keys);
        Assert.Contains("1, 2, 3", refusal.Errors["quantity"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_quantity_is_a_validation_problem_on_quantity() =>
        Refusals.OnlyFor("quantity", () => UpsellQuote.Price(Offer(), "USD", new UpsellChoice("serum", null, "std")));

    [Fact]
    public void A_shipping_method_of_the_offer_that_is_not_one_of_the_upsell_s_is_a_validation_problem_on_shippingMethodId()
    {
        var offer = Offer() with { ShippingMethods = [Standard, Express, new ShippingMethod("pickup", "Pick-up", new Dictionary<string, decimal> { ["USD"] = 0m })] };

        var refusal = Refusals.Of(() => UpsellQuote.Price(offer, "USD", new UpsellChoice("serum", 1, "pickup")));

        Assert.Equal(["shippingMethodId"], refusal.Errors.Keys);
    }

    [Fact]
    public void An_unknown_shipping_method_is_a_validation_problem_on_shippingMethodId() =>
        Refusals.OnlyFor("shippingMethodId", () => UpsellQuote.Price(Offer(), "USD", new UpsellChoice("serum", 1, "teleport")));

    [Fact]
    public void A_wrong_quantity_and_a_wrong_shipping_method_are_both_named()
    {
        var fields = Refusals.FieldsOf(() => UpsellQuote.Price(Offer(), "USD", new UpsellChoice("serum", 7, "teleport")));

        Assert.Equal(["quantity", "shippingMethodId"], fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_upsell_that_is_not_of_the_offer_is_a_validation_problem_on_upsellId()
    {
        var refusal = Refusals.Of(() => UpsellQuote.Price(Offer(), "USD", new UpsellChoice("mascara", 1, "std")));

        Assert.Equal(["upsellId"], refusal.Errors.Keys);
        Assert.Contains("mascara", refusal.Errors["upsellId"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_upsell_id_is_a_validation_problem_on_upsellId() =>
        Assert.Contains("upsellId", Refusals.FieldsOf(() => UpsellQuote.Price(Offer(), "USD", new UpsellChoice(null, 1, "std"))));

    [Fact]
    public void An_upsell_on_an_offer_without_upsells_is_a_validation_problem_on_upsellId() =>
        Refusals.OnlyFor("upsellId", () => UpsellQuote.Price(Offer() with { Upsells = [] }, "USD", new UpsellChoice("serum", 1, "std")));

    [Fact]
    public void An_upsell_not_priced_in_the_main_order_s_currency_is_a_conflict_naming_the_currency()
    {
        var refusal = Conflict(() => UpsellQuote.Price(Offer(), "EUR", new UpsellChoice("serum", 1, "std")));

        Assert.Contains("EUR", refusal.Detail, StringComparison.Ordinal);
        Assert.Contains("serum", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shipping_method_not_priced_in_the_main_order_s_currency_is_a_conflict()
    {
        // Express is priced in USD only; the serum is priced in JPY.
        var refusal = Conflict(() => UpsellQuote.Price(Offer(), "JPY", new UpsellChoice("serum", 1, "express")));

        Assert.Contains("JPY", refusal.Detail, StringComparison.Ordinal);
        Assert.Contains("express", refusal.Detail, StringComparison.Ordinal);
    }

    // ---- the upsell order ----

    [Theory]
    [InlineData(OrderStatus.Trial)]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Confirmed)]
    [InlineData(OrderStatus.Refunded)]
    public void An_upsell_on_a_main_order_that_is_not_paid_is_a_conflict_naming_its_status(OrderStatus status)
    {
        var main = MainIn(status);
        Assert.Equal(status, main.Status);
        var price = UpsellQuote.Price(Offer(), main.Currency, new UpsellChoice("serum", 1, "std"));
        var before = Snapshot(main);

        var refusal = Conflict(() => Order.PlaceUpsell(UpsellNumber, main, price, PaymentProviders.Sandbox, Token, Card, Day(1), Agent));

        Assert.Contains(status.ToString(), refusal.Title, StringComparison.Ordinal);
        Assert.Contains(main.Number, refusal.Detail, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(main));
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Shipping)]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Delivered)]
    public void An_upsell_may_be_sold_on_a_main_order_that_is_paid_or_in_fulfillment(OrderStatus status)
    {
        var main = MainIn(status);
        var price = UpsellQuote.Price(Offer(), main.Currency, new UpsellChoice("serum", 1, "std"));

        var upsell = Order.PlaceUpsell(UpsellNumber, main, price, PaymentProviders.Sandbox, Token, Card, Day(1), Agent);

        Assert.Equal(main.Number, upsell.MainOrderNumber);
    }

    [Fact]
    public void The_upsell_order_is_linked_to_the_main_order_in_its_currency_and_charges_the_quoted_total_at_once()
    {
        var main = Place(Request(trial: false, currency: "JPY"));
        RunDue(main, PlacedAt);
        Assert.Equal(OrderStatus.Paid, main.Status);
        var price = UpsellQuote.Price(Offer(), main.Currency, new UpsellChoice("serum", 2, "std"));
        var now = Day(3);

        var upsell = Order.PlaceUpsell(UpsellNumber, main, price, PaymentProviders.Sandbox, Token, Card, now, Agent);

        Assert.Equal(UpsellNumber, upsell.Number);
        Assert.Equal(main.Number, upsell.MainOrderNumber);
        Assert.Equal("JPY", upsell.Currency);
        Assert.Equal(main.Customer, upsell.Customer);
        Assert.Equal(main.OfferId, upsell.OfferId);
        Assert.False(upsell.IsTrial);
        Assert.Equal(now, upsell.PlacedAt);
        Assert.Equal(Agent, upsell.PlacedBy);
        Assert.Equal(Card, upsell.Card);
        Assert.Equal(Token, upsell.CardToken);
        var item = Assert.Single(upsell.Items);
        Assert.Equal(2, item.Quantity);
        Assert.Equal(4400m, item.Total);
        Assert.Equal(4400m + 600m, upsell.Total());
        var first = upsell.NextDueEvent(now);
        Assert.NotNull(first);
        Assert.Equal(WorkflowIds.PaymentCharge, first.Id);
        Assert.Equal(5000m, upsell.AmountToCharge(first));
        Assert.Contains(upsell.Notes, n => n.System && Said.Text(n).Contains(main.Number, StringComparison.Ordinal) && Said.Text(n).Contains("JPY 5000", StringComparison.Ordinal));

        RunDue(upsell, now);
        Assert.Equal(OrderStatus.Paid, upsell.Status);
        var charge = Assert.Single(upsell.Payments);
        Assert.Equal(5000m, charge.Amount);
        Assert.Equal("JPY", upsell.Currency);
    }

    [Fact]
    public void The_main_order_keeps_a_system_note_of_the_upsell_sold_on_it()
    {
        var main = Place(Request(trial: false));
        RunDue(main, PlacedAt);
        var notes = main.Notes.Count;

        main.NoteUpsell(UpsellNumber, 44.98m, Day(1), Agent);

        Assert.Equal(notes + 1, main.Notes.Count);
        var note = main.Notes[^1];
        Assert.True(note.System);
        Assert.Contains(UpsellNumber, Said.Text(note), StringComparison.Ordinal);
        Assert.Contains("USD 44.98", Said.Text(note), StringComparison.Ordinal);
        Assert.Contains(Agent, Said.Text(note), StringComparison.Ordinal);
    }

    [Fact]
    public void The_main_order_notes_an_upsell_once_however_often_a_retried_placement_tells_it()
    {
        var main = Place(Request(trial: false));
        RunDue(main, PlacedAt);

        Assert.True(main.NoteUpsell(UpsellNumber, 44.98m, Day(1), Agent));
        Assert.False(main.NoteUpsell(UpsellNumber, 44.98m, Day(1), Agent));
        Assert.True(main.NoteUpsell(UpsellNumber + "1", 19.99m, Day(1), Agent));

        Assert.Single(main.Notes, n => Said.Text(n).StartsWith($"Upsell order {UpsellNumber} (", StringComparison.Ordinal));
    }

    [Fact]
    public void An_upsell_noted_in_English_by_the_build_before_is_not_noted_again()
    {
        var main = Place(Request(trial: false));
        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(main, StoredJson))!;
        json["notes"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "note-99", ["text"] = $"Upsell order {UpsellNumber} (USD 44.98) placed by {Agent}.", ["author"] = Order.SystemAuthor, ["system"] = true, ["createdAt"] = "2026-03-01T10:00:00+00:00",
        });
        var stored = System.Text.Json.JsonSerializer.Deserialize<Order>(json, StoredJson)!;

        Assert.False(stored.NoteUpsell(UpsellNumber, 44.98m, Day(1), Agent));
        Assert.Single(stored.Notes, n => Said.Text(n).StartsWith($"Upsell order {UpsellNumber} (", StringComparison.Ordinal));
    }

    // ---- helpers ----

    private static readonly System.Text.Json.JsonSerializerOptions StoredJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static Offer SeveralCurrencies() =>
        new OfferRequest(
            "Cream",
            new Dictionary<string, decimal> { ["USD"] = ProductUsd, ["EUR"] = 45m, ["JPY"] = 5400m },
            new Dictionary<string, decimal> { ["USD"] = ShUsd, ["EUR"] = 4.5m, ["JPY"] = 500m },
            null,
            [new UpsellRequest("serum", "Night serum", new Dictionary<string, decimal> { ["USD"] = 19.99m, ["EUR"] = 17.50m, ["JPY"] = 2200m }, [1, 2, 3], ["std"])],
            [new ShippingMethodRequest("std", "Standard", new Dictionary<string, decimal> { ["USD"] = 5.00m, ["EUR"] = 4.00m, ["JPY"] = 600m })]).Validated();

    /// <summary>A main order in USD brought to <paramref name="status"/>.</summary>
    private static Order MainIn(OrderStatus status)
    {
        switch (status)
        {
            case OrderStatus.Trial:
                return Trial();
            case OrderStatus.Pending:
                return Unpaid();
            case OrderStatus.Confirmed:
            {
                var order = Unpaid();
                order.Confirm(PlacedAt, Agent);
                return order;
            }

            case OrderStatus.Cancelled:
            {
                var order = Unpaid();
                order.Cancel(PlacedAt, Agent, "Changed their mind");
                return order;
            }

            default:
            {
                var order = Place(Request(trial: false));
                RunDue(order, PlacedAt);
                Assert.Equal(OrderStatus.Paid, order.Status);
                if (status == OrderStatus.Refunded)
                {
                    var charge = Assert.Single(order.Payments);
                    var amount = order.Refundable();
                    order.RecordRefund(RefundResult(order, amount, PaymentStatus.Approved, Day(1)), amount, charge.TransactionId!, Day(1), Agent, "Returned");
                    return order;
                }

                foreach (var step in new[] { OrderStatus.Shipping, OrderStatus.Shipped, OrderStatus.Delivered })
                {
                    if (order.Status == status)
                    {
                        break;
                    }

                    order.Fulfill(step, PlacedAt, Agent);
                }

                return order;
            }
        }
    }
}
