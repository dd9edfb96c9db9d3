using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Offers;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Domain.Tests;

/// <summary>
/// Builds offers, requests and orders for the order-rule tests, and plays the grain: asks the order
/// what is due at a fixed instant, "performs" it and hands the outcome back. No clock is ever read.
/// </summary>
internal static class OrderTestData
{
    /// <summary>The instant every test order is placed at (a Monday afternoon, UTC).</summary>
    public static readonly DateTimeOffset PlacedAt = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    public const string Agent = "agent-1";

    public const string Number = "ORD-1001";

    public const string Token = "tok_visa_4242";

    public const decimal ProductUsd = 49.95m;

    public const decimal ShUsd = 4.95m;

    public const decimal SerumUsd = 19.99m;

    public const decimal StandardUsd = 5.00m;

    public static readonly CustomerSnapshot Maria = new("cust-1", "Maria Rossi", "maria@example.com", "+390612345678", "Europe/Rome");

    public static readonly CardOnFile Card = new("visa", "4242", 12, 2030);

    /// <summary>The instant <paramref name="days"/> days after placement.</summary>
    public static DateTimeOffset Day(double days) => PlacedAt.AddDays(days);

    public static Upsell Serum => new("serum", "Night serum", new Dictionary<string, decimal> { ["USD"] = SerumUsd, ["JPY"] = 2200m }, [1, 2, 3], ["std", "express"]);

    public static ShippingMethod Standard => new("std", "Standard", new Dictionary<string, decimal> { ["USD"] = StandardUsd, ["JPY"] = 600m });

    /// <summary>Priced in USD only.</summary>
    public static ShippingMethod Express => new("express", "Express", new Dictionary<string, decimal> { ["USD"] = 14.95m });

    /// <summary>The test offer, checked as the api checks it; <paramref name="trial"/> as a client sends the terms (none: the defaults).</summary>
    public static Offer Offer(TrialRequest? trial = null) =>
        (OfferRequest.Of(new Offer(
            "Cream",
            new Dictionary<string, decimal> { ["USD"] = ProductUsd, ["JPY"] = 5400m },
            new Dictionary<string, decimal> { ["USD"] = ShUsd, ["JPY"] = 500m },
            TrialSettings.Default,
            [Serum],
            [Standard, Express],
            PrepaymentAllowed: true)) with { Trial = trial }).Validated();

    /// <summary>A placement as a client sends it (the api's body); <c>ToCommand()</c> checks it into the domain's command.</summary>
    public static PlacementRequest Request(
        bool trial = true,
        string? currency = "USD",
        IReadOnlyList<OrderLine>? items = null,
        string? cardToken = Token,
        string? deliveryMethodId = null,
        string? ip = "203.0.113.7",
        Affiliate? affiliate = null,
        Analytics? analytics = null,
        string? paymentProvider = null) =>
        new("cust-1", "offer-cream", currency, trial, items, cardToken, paymentProvider, deliveryMethodId, ip, analytics, affiliate, "tv-spring");

    public static Order Place(PlacementRequest request, Offer? offer = null, CustomerSnapshot? customer = null, string number = Number) =>
        Order.Place(number, request.ToCommand(), offer ?? Offer(), customer ?? Maria, request.CardToken is null ? null : Card, PlacedAt, Agent);

    /// <summary>A trial order for the main product in USD, placed at <see cref="PlacedAt"/>.</summary>
    public static Order Trial(TrialRequest? settings = null, string? deliveryMethodId = null, IReadOnlyList<OrderLine>? items = null, CustomerSnapshot? customer = null, string currency = "USD") =>
        Place(Request(trial: true, currency: currency, deliveryMethodId: deliveryMethodId, items: items), Offer(settings), customer);

    /// <summary>A non-trial order with no card: it waits for its money (Pending) and may cancel itself.</summary>
    public static Order Unpaid(IReadOnlyList<OrderLine>? items = null, string? deliveryMethodId = null) =>
        Place(Request(trial: false, cardToken: null, items: items, deliveryMethodId: deliveryMethodId));

    /// <summary>A trial order run through its S&amp;H charge, confirmation, reminder and extension offer: its product charge is next.</summary>
    public static Order TrialBeforeProductCharge(TrialRequest? settings = null)
    {
        var order = Trial(settings);
        RunDue(order, order.Trial!.ChargeAt(extended: false).AddDays(-1));
        return order;
    }

    /// <summary>A trial order whose product charge was approved: Paid.</summary>
    public static Order PaidTrial()
    {
        var order = TrialBeforeProductCharge();
        RunDue(order, Day(15));
        return order;
    }

    public static PaymentResult Result(Order order, WorkflowEvent e, PaymentStatus status, DateTimeOffset at, decimal? amount = null)
    {
        var minor = Currency.Get(order.Currency).ToMinorUnits(amount ?? order.AmountToCharge(e));
        return status switch
        {
            PaymentStatus.Approved => new(status, PaymentProviders.Sandbox, order.ChargeKey(e), $"txn-{e.Id}", minor, order.Currency, null, null, at),
            PaymentStatus.Declined => new(status, PaymentProviders.Sandbox, order.ChargeKey(e), $"txn-{e.Id}", minor, order.Currency, "insufficient_funds", "Insufficient funds", at),
            PaymentStatus.HardDeclined => new(status, PaymentProviders.Sandbox, order.ChargeKey(e), $"txn-{e.Id}", minor, order.Currency, "stolen_card", "Stolen card", at),
            _ => new(status, PaymentProviders.Sandbox, order.ChargeKey(e), null, 0, order.Currency, null, null, at),
        };
    }

    /// <summary>Hands the provider's answer for a charge event back to the order, as the grain does.</summary>
    public static void Charge(Order order, string eventId, PaymentStatus status, DateTimeOffset now, decimal? amount = null) =>
        order.RecordCharge(eventId, Result(order, order.Event(eventId), status, now, amount), now);

    public static EmailDelivery Delivery(Order order, WorkflowEvent e, DeliveryStatus status, DateTimeOffset now) => new(
        $"{order.Number}:{e.Id}",
        $"msg-{e.Id}",
        order.Customer.Email!,
        status,
        1,
        now,
        status == DeliveryStatus.Sent ? now : null,
        status == DeliveryStatus.Sent ? null : "421 try again later");

    public static void Email(Order order, string eventId, DeliveryStatus status, DateTimeOffset now) =>
        order.RecordEmail(eventId, Delivery(order, order.Event(eventId), status, now), now, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Runs every workflow event due by <paramref name="now"/>, earliest first, as the grain does: charges get
    /// <paramref name="charges"/>'s answer (approved by default), emails are sent. Returns the ids it ran.
    /// </summary>
    public static List<string> RunDue(Order order, DateTimeOffset now, Func<WorkflowEvent, PaymentStatus>? charges = null)
    {
        var ran = new List<string>();
        for (var step = 0; step < 100 && order.NextDueEvent(now) is { } due; step++)
        {
            ran.Add(due.Id);
            if (due.Type == WorkflowEventType.Charge)
            {
                Charge(order, due.Id, charges?.Invoke(due) ?? PaymentStatus.Approved, now);
            }
            else
            {
                Email(order, due.Id, DeliveryStatus.Sent, now);
            }
        }

        return ran;
    }

    public static PaymentResult RefundResult(Order order, decimal amount, PaymentStatus status, DateTimeOffset at, int n = 1) => new(
        status,
        PaymentProviders.Sandbox,
        $"{order.Number}:refund-{n}",
        status == PaymentStatus.Approved ? $"rfnd-{n}" : null,
        Currency.Get(order.Currency).ToMinorUnits(amount),
        order.Currency,
        status == PaymentStatus.Approved ? null : "refund_failed",
        status == PaymentStatus.Approved ? null : "Refund failed",
        at);

    public static PaymentResult PrepaymentResult(Order order, decimal amount, DateTimeOffset at, int n = 1) => new(
        PaymentStatus.Approved,
        PaymentProviders.Sandbox,
        $"{order.Number}:prepayment-{n}",
        $"pre-{n}",
        Currency.Get(order.Currency).ToMinorUnits(amount),
        order.Currency,
        null,
        null,
        at);

    /// <summary>Everything a refused action must leave untouched.</summary>
    public static string Snapshot(Order order) => string.Join(
        "\n",
        [
            $"status={order.Status}",
            $"autoCancel={order.AutoCancelAt:O}",
            $"extended={order.ExtendedAt:O}",
            $"history={order.History.Count}",
            $"notes={order.Notes.Count}",
            $"payments={order.Payments.Count}",
            .. order.Workflow.Select(e => $"{e.Id}|{e.Status}|{e.ScheduledAt:O}|{Said.Description(e)}|{Said.Result(e)}"),
        ]);

    public static DomainException Conflict(Action action)
    {
        var refusal = Assert.Throws<DomainException>(action);
        Assert.Equal(ProblemKind.Conflict, refusal.Kind);
        return refusal;
    }
}
