using System.Globalization;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Offers;
using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// An order and its sales workflow. Pure rules: the grain loads it, asks it what is due, performs
/// the effects (charges, emails) and hands their results back to it, then persists and schedules.
/// </summary>
public sealed class Order
{
    public const string SystemAuthor = "system";

    /// <summary>How soon a charge whose outcome was unknown is checked with the provider again.</summary>
    public static readonly TimeSpan UnknownOutcomeRecheck = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan DefaultAutoCancel = TimeSpan.FromDays(7);

    public required string Number { get; set; }

    public required string OfferId { get; set; }

    public required CustomerSnapshot Customer { get; set; }

    public required string Currency { get; set; }

    public bool IsTrial { get; set; }

    public OrderStatus Status { get; set; }

    public required DateTimeOffset PlacedAt { get; set; }

    public required string PlacedBy { get; set; }

    public List<OrderItem> Items { get; set; } = [];

    public decimal ShippingAndHandling { get; set; }

    public DeliveryMethod? DeliveryMethod { get; set; }

    public string? Ip { get; set; }

    public Analytics? Analytics { get; set; }

    public Affiliate? Affiliate { get; set; }

    public string? Tag { get; set; }

    public required string PaymentProvider { get; set; }

    /// <summary>The provider's token for the card on file (never a card number).</summary>
    public string? CardToken { get; set; }

    public CardOnFile? Card { get; set; }

    public DateTimeOffset? AutoCancelAt { get; set; }

    public bool AutoPaymentsEnabled { get; set; } = true;

    public TrialSchedule? Trial { get; set; }

    public DateTimeOffset? ExtendedAt { get; set; }

    /// <summary>For an upsell, the order it was sold from.</summary>
    public string? MainOrderNumber { get; set; }

    public List<WorkflowEvent> Workflow { get; set; } = [];

    public List<PaymentRecord> Payments { get; set; } = [];

    public List<OrderNote> Notes { get; set; } = [];

    public List<OrderTask> Tasks { get; set; } = [];

    public List<StatusChange> History { get; set; } = [];

    /// <summary>Changes that are not status changes (fulfillment held, released, cancelled; discounts; fewer items), oldest first.</summary>
    public List<OrderChange> Changes { get; set; } = [];

    public FulfillmentState Fulfillment { get; set; }

    /// <summary>Refunds and prepayments tried without a client key: each attempt gets a key of its own, declined ones too.</summary>
    public int RefundAttempts { get; set; }

    /// <summary>Set once, when a customer first says on a call that the order is already paid; null until then.</summary>
    public AlreadyPaidMark? AlreadyPaid { get; set; }

    public int PrepaymentAttempts { get; set; }

    /// <summary>The client requests (under an Idempotency-Key) the order has answered, oldest first: a retry finds its first answer.</summary>
    public List<AnsweredRequest> ClientRequests { get; set; } = [];

    public decimal ItemsTotal() => Items.Sum(i => i.Total);

    /// <summary>Everything the customer pays: products, shipping and handling, delivery, less the discounts given.</summary>
    public decimal Total() => ItemsTotal() + ShippingAndHandling + (DeliveryMethod?.Price ?? 0m) - Discounts();

    public decimal Discounts() => Changes.Where(c => c.Kind == OrderChangeKind.Discount).Sum(c => c.Amount ?? 0m);

    /// <summary>What a trial's product charge takes when it runs: the items, less discounts and prepayments.</summary>
    public decimal ProductOwed() => Math.Max(0m, ItemsTotal() - Discounts() - Prepayments());

    /// <summary>What a prepayment may still cover: a trial's product, or a whole unpaid order.</summary>
    public decimal PrepayableOwed() => IsTrial ? ProductOwed() : Math.Max(0m, Total() - Prepayments());

    /// <summary>What charges still to come will take: a trial's product charge, an unpaid order's whole price; nothing once charged.</summary>
    public decimal StillToCharge() => Status switch
    {
        OrderStatus.Trial when Workflow.Any(IsWaitingProductCharge) => ProductOwed(),
        OrderStatus.Pending or OrderStatus.Confirmed => Math.Max(0m, Total() - Prepayments()),
        _ => 0m,
    };

    /// <summary>What the customer pays in the end: what is still to be charged and what was received and not refunded.</summary>
    public decimal Left() => StillToCharge() + Refundable();

    private static bool IsWaitingProductCharge(WorkflowEvent e) =>
        e.Kind is WorkflowKind.ProductCharge or WorkflowKind.ProductChargeRetry && e.Status is WorkflowStatus.Waiting or WorkflowStatus.OnHold;

    public decimal Prepayments() => Sum(PaymentKind.Prepayment);

    /// <summary>Money received: approved charges and prepayments.</summary>
    public decimal Income() => Sum(PaymentKind.Charge) + Prepayments();

    public decimal Refunded() => Sum(PaymentKind.Refund);

    /// <summary>Money going out: refunds and the affiliate's commission.</summary>
    public decimal Expenses() => Refunded() + (Affiliate?.Commission ?? 0m);

    public decimal Refundable() => Income() - Refunded();

    public bool IsExtended() => ExtendedAt is not null;

    /// <summary>A charge that was sent to the provider but whose outcome is not on record: it may have moved money.</summary>
    public static bool InDoubt(WorkflowEvent e) =>
        e.Type == WorkflowEventType.Charge && e.Status == WorkflowStatus.Waiting && (e.Attempts > 0 || e.RecheckAt is not null);

    /// <summary>Whether the order may still take new money; a closed order only resolves charges already in doubt.</summary>
    public bool AcceptsNewCharges() => Status is OrderStatus.Pending or OrderStatus.Confirmed or OrderStatus.Trial;

    private decimal Sum(PaymentKind kind) =>
        Payments.Where(p => p.Kind == kind && p.Status == PaymentStatus.Approved).Sum(p => p.Amount);

    /// <summary>
    /// Builds a new order from a validated request, the offer it buys and the customer. Amounts come
    /// from the offer in the order's currency. The first charge (S&amp;H for a trial, the whole order
    /// otherwise) is the first workflow row, due at once.
    /// </summary>
    public static Order Place(string number, PlaceOrder request, Offer offer, CustomerSnapshot customer, CardOnFile? card, DateTimeOffset now, string placedBy)
    {
        var v = new Validator();
        var currency = request.Currency!;
        var productPrice = 0m;
        if (offer.ProductPrice is null || !offer.ProductPrice.TryGetValue(currency, out productPrice))
        {
            v.Add("currency", $"The offer has no product price in {currency}.");
        }

        if (offer.ShippingAndHandling is null || !offer.ShippingAndHandling.TryGetValue(currency, out var sh))
        {
            sh = 0m;
            if (request.Trial)
            {
                v.Add("currency", $"The offer has no shipping & handling fee in {currency}.");
            }
        }

        var items = new List<OrderItem>();
        for (var i = 0; i < request.Items!.Count; i++)
        {
            var line = request.Items[i];
            var quantity = line.Quantity ?? 1;
            if (line.Sku == PlaceOrder.MainSku)
            {
                items.Add(new OrderItem(PlaceOrder.MainSku, offer.Name!, quantity, productPrice, productPrice * quantity));
                continue;
            }

            var upsell = offer.Upsells?.FirstOrDefault(u => u.Id == line.Sku);
            if (upsell is null)
            {
                v.Add($"items[{i}].sku", $"'{line.Sku}' is neither 'main' nor an upsell of offer {request.OfferId}.");
            }
            else if (upsell.UnitPrice is null || !upsell.UnitPrice.TryGetValue(currency, out var unit))
            {
                v.Add($"items[{i}].sku", $"Upsell '{line.Sku}' has no price in {currency}.");
            }
            else
            {
                items.Add(new OrderItem(upsell.Id!, upsell.Name!, quantity, unit, unit * quantity));
            }
        }

        DeliveryMethod? delivery = null;
        if (request.DeliveryMethodId is not null)
        {
            var method = offer.ShippingMethods?.FirstOrDefault(m => m.Id == request.DeliveryMethodId);
            if (method is null)
            {
                v.Add("deliveryMethodId", $"'{request.DeliveryMethodId}' is not a shipping method of offer {request.OfferId}.");
            }
            else if (method.Price is null || !method.Price.TryGetValue(currency, out var price))
            {
                v.Add("deliveryMethodId", $"Shipping method '{method.Id}' has no price in {currency}.");
            }
            else
            {
                delivery = new DeliveryMethod(method.Id!, method.Name!, price);
            }
        }

        v.ThrowIfInvalid();

        var order = new Order
        {
            Number = number,
            OfferId = request.OfferId!,
            Customer = customer,
            Currency = currency,
            IsTrial = request.Trial,
            Status = request.Trial ? OrderStatus.Trial : OrderStatus.Pending,
            PlacedAt = now,
            PlacedBy = placedBy,
            Items = items,
            ShippingAndHandling = sh,
            DeliveryMethod = delivery,
            Ip = request.Ip,
            Analytics = request.Analytics is { Source: null, Channel: null } ? null : request.Analytics,
            Affiliate = request.Affiliate,
            Tag = request.Tag,
            PaymentProvider = request.PaymentProvider!,
            CardToken = request.CardToken,
            Card = card,
        };
        order.History.Add(new StatusChange(null, order.Status, now, placedBy, "Order placed"));
        order.BuildWorkflow(offer.Trial ?? TrialSettings.Default, now);
        return order;
    }

    /// <summary>
    /// A new order for an upsell sold on a call: linked to the main order, in its currency, paid by card
    /// at once (the first workflow row), then confirmed by email.
    /// </summary>
    public static Order PlaceUpsell(string number, Order main, UpsellPrice price, string provider, string cardToken, CardOnFile card, DateTimeOffset now, string placedBy)
    {
        OrderRules.Ensure(main.Number, main.Status, OrderAction.SellUpsell);
        var order = new Order
        {
            Number = number,
            OfferId = main.OfferId,
            Customer = main.Customer,
            Currency = price.Currency,
            Status = OrderStatus.Pending,
            PlacedAt = now,
            PlacedBy = placedBy,
            Items = [new OrderItem(price.UpsellId, price.Name, price.Quantity, price.UnitPrice, price.ItemsTotal)],
            DeliveryMethod = new DeliveryMethod(price.ShippingMethodId, price.ShippingMethodName, price.ShippingPrice),
            PaymentProvider = provider,
            CardToken = cardToken,
            Card = card,
            MainOrderNumber = main.Number,
        };
        order.History.Add(new StatusChange(null, order.Status, now, placedBy, $"Upsell order placed on a call about order {main.Number}"));
        order.BuildWorkflow(TrialSettings.Default, now);
        order.AddSystemNote($"Upsell of order {main.Number}: {price.Quantity} × {price.Name}, shipping {price.ShippingMethodName}, {order.Format(price.Total)}.", now);
        return order;
    }

    /// <summary>The main order remembers the upsells sold on it.</summary>
    /// <summary>Notes an upsell sold on this order, once: a retried placement tells the main order again. False when it was noted already.</summary>
    public bool NoteUpsell(string upsellNumber, decimal total, DateTimeOffset now, string by)
    {
        var noted = $"Upsell order {upsellNumber} (";
        if (Notes.Any(n => n.System && n.Text.StartsWith(noted, StringComparison.Ordinal)))
        {
            return false;
        }

        AddSystemNote($"{noted}{Format(total)}) placed by {by}.", now);
        return true;
    }

    private void BuildWorkflow(TrialSettings trialSettings, DateTimeOffset now)
    {
        if (IsTrial)
        {
            Trial = TrialSchedule.For(PlacedAt, trialSettings);
            Add(WorkflowIds.ShippingCharge, WorkflowKind.ShippingCharge, WorkflowEventType.Charge, "Shipping & handling charge", now, amount: ShippingAndHandling + (DeliveryMethod?.Price ?? 0m));
            Add(WorkflowIds.OrderConfirmation, WorkflowKind.OrderConfirmation, WorkflowEventType.Email, "Order confirmation email", now);
            Add(WorkflowIds.TrialReminder, WorkflowKind.TrialReminder, WorkflowEventType.Email,
                $"Trial reminder email ({Trial.ReminderDay} days gone, {Trial.DaysLeftAtReminder()} left)", Trial.ReminderAt());
            Add(WorkflowIds.ExtensionOffer, WorkflowKind.ExtensionOffer, WorkflowEventType.Email, "Extension offer email (with the extension link)", Trial.ExtensionOfferAt());
            Add(WorkflowIds.ProductCharge, WorkflowKind.ProductCharge, WorkflowEventType.Charge, "Product charge at trial end", Trial.ChargeAt(extended: false), amount: ItemsTotal());
            Add(WorkflowIds.PaymentConfirmation, WorkflowKind.PaymentConfirmation, WorkflowEventType.Email, "Payment confirmation email", Trial.ChargeAt(extended: false), after: WorkflowIds.ProductCharge);
            return;
        }

        AutoCancelAt = now + DefaultAutoCancel;
        if (CardToken is not null)
        {
            Add(WorkflowIds.PaymentCharge, WorkflowKind.PaymentCharge, WorkflowEventType.Charge, "Order charge", now, amount: Total());
        }

        Add(WorkflowIds.OrderConfirmation, WorkflowKind.OrderConfirmation, WorkflowEventType.Email, "Order confirmation email", now);
        if (CardToken is not null)
        {
            Add(WorkflowIds.PaymentConfirmation, WorkflowKind.PaymentConfirmation, WorkflowEventType.Email, "Payment confirmation email", now, after: WorkflowIds.PaymentCharge);
        }
    }

    private WorkflowEvent Add(string id, WorkflowKind kind, WorkflowEventType type, string description, DateTimeOffset at, decimal? amount = null, string? after = null)
    {
        var e = new WorkflowEvent { Id = id, Kind = kind, Type = type, Description = description, ScheduledAt = at, Amount = amount, After = after };
        Workflow.Add(e);
        return e;
    }

    public WorkflowEvent Event(string id) =>
        Workflow.FirstOrDefault(e => e.Id == id) ?? throw DomainException.NotFound("Workflow event", id);

    /// <summary>The key a charge of this event carries at the provider: the same on every retry, tick or crash.</summary>
    public string ChargeKey(WorkflowEvent e) => $"{Number}:{e.Id}";

    /// <summary>When an event may run: its time, or the re-check of an unknown outcome; never before the event it follows.</summary>
    private DateTimeOffset? RunnableAt(WorkflowEvent e)
    {
        if (e.Status != WorkflowStatus.Waiting)
        {
            return null;
        }

        if (e.After is not null && !ChargeSucceeded(e.After))
        {
            return null;
        }

        return e.RecheckAt is { } recheck && recheck > e.ScheduledAt ? recheck : e.ScheduledAt;
    }

    /// <summary>The charge (or one of its retries) went through.</summary>
    private bool ChargeSucceeded(string chargeId) =>
        Workflow.Any(e => (e.Id == chargeId || e.Id.StartsWith(chargeId + "-retry-", StringComparison.Ordinal))
                          && e.Type == WorkflowEventType.Charge && e.Status == WorkflowStatus.Completed);

    /// <summary>The approved charge a payment confirmation (or its resend) tells the customer about, once it went through.</summary>
    public PaymentRecord? ChargeConfirmedBy(WorkflowEvent confirmation)
    {
        if (Event(confirmation.ResendOf ?? confirmation.Id).After is not { } chargeId)
        {
            return null;
        }

        var paid = Workflow.FirstOrDefault(e => (e.Id == chargeId || e.Id.StartsWith(chargeId + "-retry-", StringComparison.Ordinal))
                                                && e.Type == WorkflowEventType.Charge && e.Status == WorkflowStatus.Completed);
        return paid is null ? null : Payments.LastOrDefault(p => p.Kind == PaymentKind.Charge && p.Status == PaymentStatus.Approved && p.EventId == paid.Id);
    }

    /// <summary>The next workflow event due by <paramref name="now"/>, earliest first.</summary>
    public WorkflowEvent? NextDueEvent(DateTimeOffset now) =>
        Workflow.Select(e => (Event: e, At: RunnableAt(e)))
            .Where(x => x.At is { } at && at <= now)
            .OrderBy(x => x.At)
            .Select(x => x.Event)
            .FirstOrDefault();

    /// <summary>When the order next has something to do: a workflow event or its auto-cancel.</summary>
    public DateTimeOffset? NextDue()
    {
        var next = Workflow.Select(RunnableAt).Where(at => at is not null).Min();
        if (AutoCancelAt is { } cancelAt && (next is null || cancelAt < next))
        {
            next = cancelAt;
        }

        return next;
    }

    public bool AutoCancelDue(DateTimeOffset now) => AutoCancelAt is { } at && at <= now && OrderRules.Unpaid.Contains(Status);

    /// <summary>What a due charge takes now: the amount still owed for it (prepayments count).</summary>
    public decimal AmountToCharge(WorkflowEvent e) => e.Kind switch
    {
        WorkflowKind.ProductCharge or WorkflowKind.ProductChargeRetry => ProductOwed(),
        _ => e.Amount ?? 0m,
    };

    /// <summary>Applies what the provider answered for a charge event.</summary>
    public void RecordCharge(string eventId, PaymentResult result, DateTimeOffset now)
    {
        var e = Event(eventId);
        if (e.Status != WorkflowStatus.Waiting)
        {
            return; // a duplicate tick: the first result stands
        }

        if (result.Status == PaymentStatus.Unknown)
        {
            e.Attempts = Math.Max(e.Attempts, 1);
            e.RecheckAt = now + UnknownOutcomeRecheck;
            e.Result = "Outcome unknown (the provider did not answer); it is asked again with the same key.";
            return;
        }

        var amount = Common.Currency.Get(Currency).FromMinorUnits(result.AmountMinor);
        Payments.Add(new PaymentRecord($"pay-{Payments.Count + 1}", PaymentKind.Charge, amount, Currency, now, result.Provider,
            result.TransactionId, result.Status, e.Id, result.DeclineReason, result.IdempotencyKey));
        e.ExecutedAt = now;
        e.TransactionId = result.TransactionId;
        e.RecheckAt = null;

        if (result.Status == PaymentStatus.Approved)
        {
            e.Status = WorkflowStatus.Completed;
            e.Result = $"Charged {Format(amount)}, transaction {result.TransactionId}";
            if (!AcceptsNewCharges() && Status != OrderStatus.PaymentFailed)
            {
                AddSystemNote($"A charge of {Format(amount)} that was in doubt when the order became {Status} went through at the provider; refund it if it is not owed.", now);
                return;
            }

            if (e.Kind is WorkflowKind.ProductCharge or WorkflowKind.ProductChargeRetry or WorkflowKind.PaymentCharge)
            {
                MarkPaid(now, $"{e.Description} approved");
            }

            return;
        }

        e.Status = WorkflowStatus.Failed;
        e.DeclineReason = result.DeclineReason;
        e.Result = $"Declined: {result.DeclineReason} ({result.DeclineCode})";
        if (e.Kind is not (WorkflowKind.ProductCharge or WorkflowKind.ProductChargeRetry) || !AcceptsNewCharges())
        {
            return;
        }

        var retry = Workflow.Count(w => w.Kind == WorkflowKind.ProductChargeRetry) + 1;
        var retryAt = result.Status == PaymentStatus.HardDeclined ? null : DunningPolicy.RetryAt(Event(WorkflowIds.ProductCharge).ScheduledAt, retry);
        if (retryAt is { } at)
        {
            Add($"{WorkflowIds.ProductCharge}-retry-{retry}", WorkflowKind.ProductChargeRetry, WorkflowEventType.Charge,
                $"Product charge, retry {retry} of {DunningPolicy.RetryDays.Count}", at, amount: e.Amount);
            return;
        }

        var why = result.Status == PaymentStatus.HardDeclined
            ? $"the card was hard-declined ({result.DeclineReason}); no retry"
            : $"the last of {DunningPolicy.RetryDays.Count} retries was declined ({result.DeclineReason})";
        ChangeStatus(OrderStatus.PaymentFailed, now, SystemAuthor, $"Payment failed: {why}");
        CancelWaiting(now, "payment failed", e => e.Kind == WorkflowKind.PaymentConfirmation);
        Add(WorkflowIds.PaymentFailedNotice, WorkflowKind.PaymentFailedNotice, WorkflowEventType.Email, "Payment failed email", now);
    }

    private void MarkPaid(DateTimeOffset now, string why)
    {
        AutoCancelAt = null;
        if (Status != OrderStatus.Paid)
        {
            ChangeStatus(OrderStatus.Paid, now, SystemAuthor, why);
        }
    }

    /// <summary>A charge in doubt on a closed order that the provider never received: it is dropped, nothing moved.</summary>
    public void DropUnsentCharge(string eventId, DateTimeOffset now)
    {
        var e = Event(eventId);
        e.Status = WorkflowStatus.Cancelled;
        e.ExecutedAt = now;
        e.RecheckAt = null;
        e.Result = $"Cancelled: the order is {Status} and the provider never received this charge.";
    }

    /// <summary>Records an email handed to the outbox: sent, still queued (checked again later) or failed.</summary>
    public void RecordEmail(string eventId, Messaging.EmailDelivery delivery, DateTimeOffset now, TimeSpan recheck)
    {
        var e = Event(eventId);
        if (e.Status != WorkflowStatus.Waiting)
        {
            return;
        }

        e.Recipient = delivery.Recipient;
        e.MessageId = delivery.MessageId;
        e.Attempts = delivery.Attempts;
        switch (delivery.Status)
        {
            case Messaging.DeliveryStatus.Sent:
                e.Status = WorkflowStatus.Completed;
                e.ExecutedAt = delivery.SentAt ?? now;
                e.RecheckAt = null;
                e.Result = $"Sent to {delivery.Recipient}, message id {delivery.MessageId}";
                break;
            case Messaging.DeliveryStatus.Failed:
                e.Status = WorkflowStatus.Failed;
                e.ExecutedAt = now;
                e.Result = $"Not delivered to {delivery.Recipient}: {delivery.LastError}";
                break;
            default:
                e.RecheckAt = now + recheck;
                e.Result = $"Queued for {delivery.Recipient} (attempt {delivery.Attempts}): {delivery.LastError}";
                break;
        }
    }

    /// <summary>An email that cannot be sent because the customer has no address.</summary>
    public void SkipEmail(string eventId, DateTimeOffset now)
    {
        var e = Event(eventId);
        e.Status = WorkflowStatus.Cancelled;
        e.ExecutedAt = now;
        e.Result = "Not sent: the customer has no email address.";
    }

    /// <summary>A new row that sends a completed email again.</summary>
    public WorkflowEvent Resend(string eventId, DateTimeOffset now)
    {
        var original = Event(eventId);
        if (Status is OrderStatus.Cancelled or OrderStatus.Deleted)
        {
            throw DomainException.Conflict("The order is closed", $"Order {Number} is {Status}; its emails are not resent.");
        }

        if (original.Type != WorkflowEventType.Email || original.Status != WorkflowStatus.Completed)
        {
            throw DomainException.Conflict("Only a sent email can be resent", $"Workflow event '{eventId}' is a {original.Type} that is {original.Status}.");
        }

        var root = original.ResendOf ?? original.Id;
        var n = Workflow.Count(w => w.ResendOf == root) + 1;
        var copy = Add($"{root}-resend-{n}", original.Kind, WorkflowEventType.Email, $"{Event(root).Description} (resent)", now);
        copy.ResendOf = root;
        copy.Link = original.Link;
        return copy;
    }

    /// <summary>What extending would mean, for the page the emailed link opens: refused as <see cref="Extend"/> would be.</summary>
    public TrialExtensionOffer ExtensionOffer()
    {
        var charge = EnsureExtendable();
        return new TrialExtensionOffer(Number, Items, Currency, AmountToCharge(charge), charge.ScheduledAt, Trial!.ChargeAt(extended: true), Trial.ExtensionDays, Customer.TimeZone);
    }

    /// <summary>The product charge a trial extension moves, while it may still move; a clear refusal otherwise.</summary>
    private WorkflowEvent EnsureExtendable()
    {
        if (IsExtended())
        {
            throw DomainException.Conflict("The trial was already extended", $"Order {Number}'s trial can be extended once; it was extended on {ExtendedAt:O}.");
        }

        if (Status is OrderStatus.Paid or OrderStatus.Shipping or OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Refunded)
        {
            throw DomainException.Conflict("The trial is over", $"Order {Number} was already charged for the product; the trial can no longer be extended.");
        }

        OrderRules.Ensure(Number, Status, OrderAction.Extend);
        var charge = Event(WorkflowIds.ProductCharge);
        if (InDoubt(charge) || charge.Status is not (WorkflowStatus.Waiting or WorkflowStatus.OnHold))
        {
            throw DomainException.Conflict("The trial is over", $"Order {Number}'s product charge has already been sent to the provider; the trial can no longer be extended.");
        }

        return charge;
    }

    /// <summary>The customer's one-time trial extension: the product charge moves by the extension days.</summary>
    public void Extend(DateTimeOffset now)
    {
        var charge = EnsureExtendable();
        var from = charge.ScheduledAt;
        var to = Trial!.ChargeAt(extended: true);
        charge.ScheduledAt = to;
        charge.Description = "Product charge at the end of the extended trial";
        Event(WorkflowIds.PaymentConfirmation).ScheduledAt = to;
        ExtendedAt = now;
        var row = Add(WorkflowIds.TrialExtended, WorkflowKind.TrialExtended, WorkflowEventType.Extension, $"Trial extended by {Trial.ExtensionDays} days", now);
        row.Status = WorkflowStatus.Completed;
        row.ExecutedAt = now;
        row.Result = $"Product charge moved from {from:yyyy-MM-dd HH:mm} UTC to {to:yyyy-MM-dd HH:mm} UTC";
        Workflow.Remove(row);
        Workflow.Insert(Workflow.IndexOf(charge), row);
        AddSystemNote($"Trial extended by the customer: product charge moved from {from:O} to {to:O}.", now);
    }

    public void Confirm(DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.Confirm);
        ChangeStatus(OrderStatus.Confirmed, now, by, "Confirmed by the customer on the phone");
    }

    /// <summary>Cancels the order and every Waiting workflow event: a cancelled order is never charged nor reminded.</summary>
    public void Cancel(DateTimeOffset now, string by, string reason)
    {
        OrderRules.Ensure(Number, Status, OrderAction.Cancel);
        ChangeStatus(OrderStatus.Cancelled, now, by, reason);
        CancelWaiting(now, reason, _ => true);
        AutoCancelAt = null;
    }

    public void Delete(DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.Delete);
        CancelWaiting(now, "order deleted", _ => true);
        AutoCancelAt = null;
        ChangeStatus(OrderStatus.Deleted, now, by, "Deleted by an admin (kept for audit)");
    }

    /// <summary>Moves the order along fulfillment: Shipping, then Shipped, then Delivered.</summary>
    public void Fulfill(OrderStatus to, DateTimeOffset now, string by)
    {
        var action = to switch
        {
            OrderStatus.Shipping => OrderAction.Ship,
            OrderStatus.Shipped => OrderAction.MarkShipped,
            OrderStatus.Delivered => OrderAction.MarkDelivered,
            _ => throw DomainException.Invalid(new Dictionary<string, string[]> { ["status"] = ["must be Shipping, Shipped or Delivered."] }),
        };
        OrderRules.Ensure(Number, Status, action);
        EnsureFulfillment(FulfillmentState.Open);
        ChangeStatus(to, now, by, $"Fulfillment: {to}");
    }

    public void SetAutoCancel(DateTimeOffset? at, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.ChangeAutoCancel);
        if (at is { } when && when <= now)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["at"] = ["must be in the future."] });
        }

        AutoCancelAt = at;
        AddSystemNote(at is null ? $"Auto-cancel disabled by {by}." : $"Auto-cancel date set to {at:O} by {by}.", now);
    }

    public void AutoCancel(DateTimeOffset now) =>
        Cancel(now, SystemAuthor, $"Auto-cancelled: unpaid on its auto-cancel date {AutoCancelAt:O}");

    public void RemoveAnalytics(DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.RemoveAnalytics);
        Analytics = null;
        AddSystemNote($"Analytics (source, channel) removed by {by}.", now);
    }

    /// <summary>Auto-payments disabled for the customer: waiting charges go on hold instead of running.</summary>
    public void HoldCharges(DateTimeOffset now, string reason)
    {
        AutoPaymentsEnabled = false;
        var held = Workflow.Where(e => e.Type == WorkflowEventType.Charge && e.Status == WorkflowStatus.Waiting).ToList();
        foreach (var e in held)
        {
            e.Status = WorkflowStatus.OnHold;
            e.Result = reason;
        }

        if (held.Count > 0)
        {
            AddSystemNote($"Auto-payments disabled: {string.Join(", ", held.Select(e => e.Description))} on hold.", now);
        }
    }

    /// <summary>Auto-payments enabled again: held charges wait again (and run at once if already due).</summary>
    public void ReleaseCharges(DateTimeOffset now)
    {
        AutoPaymentsEnabled = true;
        var released = Workflow.Where(e => e.Status == WorkflowStatus.OnHold).ToList();
        foreach (var e in released)
        {
            e.Status = WorkflowStatus.Waiting;
            e.Result = null;
        }

        if (released.Count > 0)
        {
            AddSystemNote($"Auto-payments enabled again: {string.Join(", ", released.Select(e => e.Description))} released.", now);
        }
    }

    // ---------------------------------------------------------------- changes of the order (seed 000's system notes)

    /// <summary>Fulfillment waits until it is released: the order cannot move along fulfillment meanwhile.</summary>
    public OrderChange HoldFulfillment(string? reason, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.HoldFulfillment);
        EnsureFulfillment(FulfillmentState.Open);
        Fulfillment = FulfillmentState.OnHold;
        return Record(new OrderChange(NextChangeId(), OrderChangeKind.FulfillmentHeld, now, by, $"Fulfillment held by {by}{Why(reason)}.", reason));
    }

    public OrderChange ReleaseFulfillment(DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.ReleaseFulfillment);
        if (Fulfillment != FulfillmentState.OnHold)
        {
            EnsureFulfillment(FulfillmentState.OnHold);
        }

        Fulfillment = FulfillmentState.Open;
        return Record(new OrderChange(NextChangeId(), OrderChangeKind.FulfillmentReleased, now, by, $"Fulfillment released by {by}."));
    }

    /// <summary>The goods will not be sent; an order being shipped goes back to Paid. Money is not touched: refund it apart if owed.</summary>
    public OrderChange CancelFulfillment(string? reason, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.CancelFulfillment);
        if (Fulfillment == FulfillmentState.Cancelled)
        {
            EnsureFulfillment(FulfillmentState.Open);
        }

        Fulfillment = FulfillmentState.Cancelled;
        var change = Record(new OrderChange(NextChangeId(), OrderChangeKind.FulfillmentCancelled, now, by, $"Fulfillment cancelled by {by}{Why(reason)}.", reason));
        if (Status == OrderStatus.Shipping)
        {
            ChangeStatus(OrderStatus.Paid, now, by, "Fulfillment cancelled");
        }

        return change;
    }

    /// <summary>
    /// Takes <paramref name="amount"/> off the price. It lowers the charges still to come first (a trial's product
    /// charge, an unpaid order's price); what they cannot absorb is refunded through the provider. Never more than
    /// what is left (still to charge plus received and not refunded).
    /// </summary>
    public OrderChange Discount(decimal amount, string? reason, ClientRequest? request, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.Discount);
        EnsureNoPaymentInProgress();
        if (amount > Left())
        {
            throw DomainException.Conflict("The discount is larger than what is left", $"Order {Number} has {Format(Left())} left to charge or refund; a discount of {Format(amount)} is more than that.");
        }

        var refund = Math.Max(0m, amount - StillToCharge());
        var change = Record(new OrderChange(NextChangeId(), OrderChangeKind.Discount, now, by,
            $"Discount of {Format(amount)} by {by}{Why(reason)}{RefundClause(refund)}.", reason, amount, refund, ClientKey: request?.Key));
        RecordAnswer(request, now);
        AfterPriceCut(change, now);
        return change;
    }

    /// <summary>Fewer units of one item, before it ships: the price falls by the units' price, as with a discount.</summary>
    public OrderChange DecreaseQuantity(string sku, int quantity, string? reason, ClientRequest? request, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.DecreaseQuantity);
        var index = Items.FindIndex(i => i.Sku == sku);
        if (index < 0)
        {
            throw DomainException.NotFound("Order item", sku);
        }

        var item = Items[index];
        if (quantity >= item.Quantity)
        {
            throw DomainException.Conflict("A quantity can only decrease", $"Item '{sku}' of order {Number} has quantity {item.Quantity}; {quantity} is not fewer. To sell more, place an upsell.");
        }

        EnsureNoPaymentInProgress();
        var cut = item.UnitPrice * (item.Quantity - quantity);
        if (cut > Left())
        {
            throw DomainException.Conflict("The decrease is larger than what is left", $"Order {Number} has {Format(Left())} left to charge or refund; {item.Quantity - quantity} fewer × {item.Name} is {Format(cut)}.");
        }

        var refund = Math.Max(0m, cut - StillToCharge());
        Items[index] = item with { Quantity = quantity, Total = item.UnitPrice * quantity };
        var change = Record(new OrderChange(NextChangeId(), OrderChangeKind.QuantityDecreased, now, by,
            $"Quantity of {item.Name} decreased from {item.Quantity} to {quantity} by {by} ({Format(cut)} less){Why(reason)}{RefundClause(refund)}.",
            reason, cut, refund, sku, item.Quantity, quantity, request?.Key));
        RecordAnswer(request, now);
        AfterPriceCut(change, now);
        return change;
    }

    /// <summary>
    /// Whether this client request was answered already (its retry changes nothing more: the order as it is is the answer);
    /// the same key for another request is a mistake, refused (<see cref="ClientRequest.Repeats"/>).
    /// </summary>
    public bool Answered(ClientRequest? request) =>
        request is not null && request.Repeats(ClientRequests.FirstOrDefault(r => r.Key == request.Key)?.Fingerprint);

    private void RecordAnswer(ClientRequest? request, DateTimeOffset now)
    {
        if (request is not null && !ClientRequests.Exists(r => r.Key == request.Key))
        {
            ClientRequests.Add(new AnsweredRequest(request.Key, request.Fingerprint, now));
        }
    }

    /// <summary>The change a refund row returns money for.</summary>
    public OrderChange ChangeRefundedBy(WorkflowEvent row) => Changes.First(c => RefundRowId(c) == row.Id);

    /// <summary>What of a change's refund has not gone back yet.</summary>
    public decimal RefundLeft(WorkflowEvent row) =>
        (row.Amount ?? 0m) - Payments.Where(p => p.Kind == PaymentKind.Refund && p.Status == PaymentStatus.Approved && p.EventId == row.Id).Sum(p => p.Amount);

    /// <summary>After the provider answered every part of a change's refund: done, or failed (to be refunded by hand), or asked again later.</summary>
    public void FinishChangeRefund(string rowId, PaymentStatus last, string? declineReason, DateTimeOffset now)
    {
        var row = Event(rowId);
        if (row.Status != WorkflowStatus.Waiting)
        {
            return;
        }

        if (RefundLeft(row) == 0m)
        {
            row.Status = WorkflowStatus.Completed;
            row.ExecutedAt = now;
            row.RecheckAt = null;
            row.Result = $"Refunded {Format(row.Amount ?? 0m)}";
        }
        else if (last == PaymentStatus.Unknown)
        {
            row.Attempts++;
            row.RecheckAt = now + UnknownOutcomeRecheck;
            row.Result = "Outcome unknown (the provider did not answer); it is asked again with the same key.";
        }
        else
        {
            row.Status = WorkflowStatus.Failed;
            row.ExecutedAt = now;
            row.DeclineReason = declineReason;
            row.Result = $"Refund refused by the provider: {declineReason}";
            AddSystemNote($"The refund of {Format(RefundLeft(row))} for {ChangeRefundedBy(row).Id} was refused by the provider ({declineReason}); refund it by hand.", now);
        }
    }

    private string NextChangeId() => $"change-{Changes.Count + 1}";

    private static string RefundRowId(OrderChange change) => $"{change.Id}-refund";

    private OrderChange Record(OrderChange change)
    {
        Changes.Add(change);
        AddSystemNote(change.Description, change.At);
        return change;
    }

    /// <summary>The waiting product charge shows its new amount; nothing left to charge settles the order; the rest goes back through the provider.</summary>
    private void AfterPriceCut(OrderChange change, DateTimeOffset now)
    {
        foreach (var e in Workflow.Where(IsWaitingProductCharge))
        {
            e.Amount = ProductOwed();
        }

        if (AcceptsNewCharges() && StillToCharge() == 0m)
        {
            CancelWaiting(now, "nothing left to charge", _ => true);
            MarkPaid(now, $"nothing left to charge after {change.Id}");
        }

        if (change.Refund is > 0m and var refund)
        {
            var what = change.Kind == OrderChangeKind.Discount ? "a discount" : "fewer items";
            Add(RefundRowId(change), WorkflowKind.ChangeRefund, WorkflowEventType.Refund, $"Refund for {what} ({change.Id})", now, amount: refund);
        }
    }

    private void EnsureFulfillment(FulfillmentState expected)
    {
        if (Fulfillment == expected)
        {
            return;
        }

        throw Fulfillment switch
        {
            FulfillmentState.Cancelled => DomainException.Conflict("Fulfillment was cancelled", $"Order {Number}'s fulfillment was cancelled; it is no longer held, released or moved along."),
            FulfillmentState.OnHold => DomainException.Conflict("Fulfillment is on hold", $"Order {Number}'s fulfillment is on hold; release it first."),
            _ => DomainException.Conflict("Fulfillment is not on hold", $"Order {Number}'s fulfillment is not on hold; there is nothing to release."),
        };
    }

    /// <summary>A charge or refund the provider has not settled yet makes "what is left" unknown: no price change meanwhile.</summary>
    private void EnsureNoPaymentInProgress()
    {
        if (Workflow.Any(e => InDoubt(e) || (e.Type == WorkflowEventType.Refund && e.Status == WorkflowStatus.Waiting)))
        {
            throw DomainException.Conflict("A payment is being settled", $"Order {Number} has a charge or refund whose outcome the provider has not confirmed yet; try again once it is settled.");
        }
    }

    private string RefundClause(decimal refund) => refund > 0m ? $"; {Format(refund)} refunded through the provider" : "";

    private static string Why(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}";

    /// <summary>How much of one charge (or prepayment) is still refundable.</summary>
    public decimal RefundableOf(PaymentRecord payment) =>
        payment.Amount - Payments.Where(p => p.Kind == PaymentKind.Refund && p.Status == PaymentStatus.Approved && p.RefundOf == payment.TransactionId).Sum(p => p.Amount);

    /// <summary>Splits a refund over the approved charges and prepayments, newest first.</summary>
    public IReadOnlyList<(PaymentRecord Payment, decimal Amount)> PlanRefund(decimal amount)
    {
        var plan = new List<(PaymentRecord, decimal)>();
        var left = amount;
        foreach (var payment in Payments.Where(p => p.Kind != PaymentKind.Refund && p.Status == PaymentStatus.Approved).Reverse())
        {
            var part = Math.Min(left, RefundableOf(payment));
            if (part > 0m)
            {
                plan.Add((payment, part));
                left -= part;
            }
        }

        return plan;
    }

    public void RecordRefund(PaymentResult result, decimal amount, string refundOf, DateTimeOffset now, string by, string? reason, string? eventId = null, ClientRequest? request = null)
    {
        Payments.Add(new PaymentRecord($"pay-{Payments.Count + 1}", PaymentKind.Refund, amount, Currency, now, result.Provider,
            result.TransactionId, result.Status, eventId, result.DeclineReason, result.IdempotencyKey, refundOf));
        RecordAnswer(request, now);
        if (result.Status != PaymentStatus.Approved)
        {
            return;
        }

        var full = Refundable() == 0m;
        AddSystemNote($"{(full ? "Full" : "Partial")} refund of {Format(amount)} by {by}{(reason is null ? "" : $": {reason}")}.", now);
        if (full && Status != OrderStatus.Refunded)
        {
            CancelWaiting(now, "order refunded", _ => true);
            ChangeStatus(OrderStatus.Refunded, now, by, "Refunded in full");
        }
    }

    public void RecordPrepayment(PaymentResult result, decimal amount, DateTimeOffset now, string by, ClientRequest? request = null)
    {
        Payments.Add(new PaymentRecord($"pay-{Payments.Count + 1}", PaymentKind.Prepayment, amount, Currency, now, result.Provider,
            result.TransactionId, result.Status, null, result.DeclineReason, result.IdempotencyKey));
        RecordAnswer(request, now);
        AddSystemNote($"Prepayment of {Format(amount)} taken by {by}.", now);
        if (PrepayableOwed() == 0m)
        {
            // Paid in advance: no product charge, and no trial reminder or extension offer that speaks of one.
            CancelWaiting(now, "paid in advance", _ => true);
            MarkPaid(now, "prepaid in full");
        }
    }

    public OrderCallingFacts CallingFacts() => new(Number, Customer.Id, Status == OrderStatus.Deleted, AlreadyPaid?.At);

    /// <summary>
    /// The customer says on a call that the order is already paid: the order is marked (once: a later call changes
    /// nothing) and a system note says so. <paramref name="comment"/> is the outcome's comment, already redacted.
    /// </summary>
    public void MarkAlreadyPaid(string callId, string? comment, DateTimeOffset now, string by)
    {
        if (AlreadyPaid is not null)
        {
            return;
        }

        AlreadyPaid = new AlreadyPaidMark(now, by, callId);
        AddSystemNote($"Marked already paid by {by} on call {callId}: the customer says this order is already paid{(comment is null ? "" : ": " + comment)}. It is never called about again.", now);
    }

    public OrderNote AddNote(string? text, string author, DateTimeOffset now)
    {
        var stored = Customers.CustomerNote.ValidText(text);
        var note = new OrderNote($"note-{Notes.Count + 1}", stored, author, System: false, now);
        Notes.Add(note);
        return note;
    }

    public OrderTask AddTask(string? title, DateTimeOffset? dueAt, string? assignee, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.AddTask);
        var v = new Validator();
        v.Text("title", title, Validator.NameMaxLength, required: true);
        v.Id("assignee", assignee, required: false);
        v.ThrowIfInvalid();
        var task = new OrderTask($"task-{Tasks.Count + 1}", CardNumbers.Redact(title!.Trim()), dueAt, assignee, false, now, by);
        Tasks.Add(task);
        return task;
    }

    /// <summary>Reassigns a task and/or moves its due date; a done task no longer changes.</summary>
    public OrderTask UpdateTask(string taskId, string? assignee, DateTimeOffset? dueAt, bool clearDue, DateTimeOffset now, string by)
    {
        var (index, task) = FindTask(taskId);
        if (task.Done)
        {
            throw DomainException.Conflict("Task done", $"Task '{taskId}' of order {Number} is done; it no longer changes.");
        }

        var v = new Validator();
        v.Id("assignee", assignee, required: false);
        if (clearDue && dueAt is not null)
        {
            v.Add("dueAt", "give a due date or clearDueAt, not both.");
        }

        v.ThrowIfInvalid();
        var updated = task with { Assignee = assignee ?? task.Assignee, DueAt = clearDue ? null : dueAt ?? task.DueAt };
        Tasks[index] = updated;
        AddSystemNote($"Task '{taskId}' updated by {by}: assignee {updated.Assignee ?? "none"}, due {updated.DueAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.", now);
        return updated;
    }

    /// <summary>Marks a task done; completing it again changes nothing.</summary>
    public OrderTask CompleteTask(string taskId, DateTimeOffset now, string by)
    {
        var (index, task) = FindTask(taskId);
        if (task.Done)
        {
            return task;
        }

        var done = task with { Done = true, CompletedAt = now, CompletedBy = by };
        Tasks[index] = done;
        return done;
    }

    private (int Index, OrderTask Task) FindTask(string taskId)
    {
        var index = Tasks.FindIndex(t => t.Id == taskId);
        return index < 0 ? throw DomainException.NotFound("Task", taskId) : (index, Tasks[index]);
    }

    private void ChangeStatus(OrderStatus to, DateTimeOffset now, string by, string reason)
    {
        History.Add(new StatusChange(Status, to, now, by, reason));
        AddSystemNote($"Status changed from {Status} to {to}: {reason}.", now);
        Status = to;
    }

    /// <summary>Cancels waiting rows; a charge in doubt stays, to be resolved with the provider (never charged anew), and money owed back is still refunded.</summary>
    private void CancelWaiting(DateTimeOffset now, string reason, Func<WorkflowEvent, bool> which)
    {
        foreach (var e in Workflow.Where(e => e.Status is WorkflowStatus.Waiting or WorkflowStatus.OnHold && !InDoubt(e) && e.Type != WorkflowEventType.Refund && which(e)))
        {
            e.Status = WorkflowStatus.Cancelled;
            e.ExecutedAt = now;
            e.Result = $"Cancelled: {reason}";
        }
    }

    private void AddSystemNote(string text, DateTimeOffset now) =>
        Notes.Add(new OrderNote($"note-{Notes.Count + 1}", text, SystemAuthor, System: true, now));

    public string Format(decimal amount) =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency} {amount.ToString("0.".PadRight(2 + Common.Currency.Get(Currency).MinorUnits, '0').TrimEnd('.'), CultureInfo.InvariantCulture)}");
}

/// <summary>The stable ids of the workflow rows; idempotency keys are built from them.</summary>
public static class WorkflowIds
{
    public const string ShippingCharge = "sh-charge";
    public const string PaymentCharge = "payment";
    public const string OrderConfirmation = "order-confirmation";
    public const string TrialReminder = "trial-reminder";
    public const string ExtensionOffer = "extension-offer";
    public const string ProductCharge = "product-charge";
    public const string PaymentConfirmation = "payment-confirmation";
    public const string PaymentFailedNotice = "payment-failed";
    public const string TrialExtended = "trial-extended";
}
