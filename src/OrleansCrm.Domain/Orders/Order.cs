using System.Globalization;
using System.Text.Json.Serialization;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Offers;
using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// An order and its sales workflow. Pure rules: the grain loads it, asks it what is due, performs
/// the effects (charges, emails) and hands their results back to it, then persists and schedules.
/// The order's parts are in files of their own: its workflow (Order.Workflow.cs), its ledger of money (Order.Ledger.cs)
/// and the changes that are not status changes (Order.Changes.cs).
/// </summary>
public sealed partial class Order
{
    public const string SystemAuthor = "system";

    public static readonly TimeSpan DefaultAutoCancel = TimeSpan.FromDays(7);

    private readonly List<OrderItem> items;

    private readonly List<WorkflowEvent> workflow;

    private readonly List<PaymentRecord> payments;

    private readonly List<OrderNote> notes;

    private readonly List<OrderTask> tasks;

    private readonly List<StatusChange> history;

    private readonly List<OrderChange> changes;

    private readonly List<AnsweredRequest> clientRequests;

    /// <summary>
    /// An order as it was stored (by its wire contract or, from the previous build's JSON, by property name). New orders
    /// come from <see cref="Place"/> and <see cref="PlaceUpsell"/>; after that only the order's own rules change it.
    /// </summary>
    [JsonConstructor]
    public Order(
        string number,
        string offerId,
        CustomerSnapshot customer,
        string currency,
        bool isTrial,
        OrderStatus status,
        DateTimeOffset placedAt,
        string placedBy,
        string paymentProvider,
        IReadOnlyList<OrderItem>? items = null,
        decimal shippingAndHandling = 0m,
        DeliveryMethod? deliveryMethod = null,
        string? ip = null,
        Analytics? analytics = null,
        Affiliate? affiliate = null,
        string? tag = null,
        string? cardToken = null,
        CardOnFile? card = null,
        DateTimeOffset? autoCancelAt = null,
        bool autoPaymentsEnabled = true,
        TrialSchedule? trial = null,
        DateTimeOffset? extendedAt = null,
        string? mainOrderNumber = null,
        IReadOnlyList<WorkflowEvent>? workflow = null,
        IReadOnlyList<PaymentRecord>? payments = null,
        IReadOnlyList<OrderNote>? notes = null,
        IReadOnlyList<OrderTask>? tasks = null,
        IReadOnlyList<StatusChange>? history = null,
        IReadOnlyList<OrderChange>? changes = null,
        FulfillmentState fulfillment = FulfillmentState.Open,
        int refundAttempts = 0,
        AlreadyPaidMark? alreadyPaid = null,
        int prepaymentAttempts = 0,
        IReadOnlyList<AnsweredRequest>? clientRequests = null,
        string? campaignId = null)
    {
        Number = number;
        OfferId = offerId;
        Customer = customer;
        Currency = currency;
        IsTrial = isTrial;
        Status = status;
        PlacedAt = placedAt;
        PlacedBy = placedBy;
        this.items = [.. items ?? []];
        ShippingAndHandling = shippingAndHandling;
        DeliveryMethod = deliveryMethod;
        Ip = ip;
        Analytics = analytics;
        Affiliate = affiliate;
        Tag = tag;
        PaymentProvider = paymentProvider;
        CardToken = cardToken;
        Card = card;
        AutoCancelAt = autoCancelAt;
        AutoPaymentsEnabled = autoPaymentsEnabled;
        Trial = trial;
        ExtendedAt = extendedAt;
        MainOrderNumber = mainOrderNumber;
        this.workflow = [.. workflow ?? []];
        this.payments = [.. payments ?? []];
        this.notes = [.. notes ?? []];
        this.tasks = [.. tasks ?? []];
        this.history = [.. history ?? []];
        this.changes = [.. changes ?? []];
        Fulfillment = fulfillment;
        RefundAttempts = refundAttempts;
        AlreadyPaid = alreadyPaid;
        PrepaymentAttempts = prepaymentAttempts;
        this.clientRequests = [.. clientRequests ?? []];
        CampaignId = campaignId;
    }

    public string Number { get; private set; }

    public string OfferId { get; private set; }

    public CustomerSnapshot Customer { get; private set; }

    public string Currency { get; private set; }

    public bool IsTrial { get; private set; }

    public OrderStatus Status { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    public string PlacedBy { get; private set; }

    public IReadOnlyList<OrderItem> Items => items;

    public decimal ShippingAndHandling { get; private set; }

    public DeliveryMethod? DeliveryMethod { get; private set; }

    public string? Ip { get; private set; }

    public Analytics? Analytics { get; private set; }

    public Affiliate? Affiliate { get; private set; }

    public string? Tag { get; private set; }

    public string PaymentProvider { get; private set; }

    /// <summary>The provider's token for the card on file (never a card number).</summary>
    public string? CardToken { get; private set; }

    public CardOnFile? Card { get; private set; }

    public DateTimeOffset? AutoCancelAt { get; private set; }

    public bool AutoPaymentsEnabled { get; private set; }

    public TrialSchedule? Trial { get; private set; }

    public DateTimeOffset? ExtendedAt { get; private set; }

    /// <summary>For an upsell, the order it was sold from.</summary>
    public string? MainOrderNumber { get; private set; }

    public IReadOnlyList<WorkflowEvent> Workflow => workflow;

    public IReadOnlyList<PaymentRecord> Payments => payments;

    public IReadOnlyList<OrderNote> Notes => notes;

    public IReadOnlyList<OrderTask> Tasks => tasks;

    public IReadOnlyList<StatusChange> History => history;

    /// <summary>Changes that are not status changes (fulfillment held, released, cancelled; discounts; fewer items), oldest first.</summary>
    public IReadOnlyList<OrderChange> Changes => changes;

    public FulfillmentState Fulfillment { get; private set; }

    /// <summary>Refunds and prepayments tried without a client key: each attempt gets a key of its own, declined ones too.</summary>
    public int RefundAttempts { get; private set; }

    /// <summary>Set once, when a customer first says on a call that the order is already paid; null until then.</summary>
    public AlreadyPaidMark? AlreadyPaid { get; private set; }

    public int PrepaymentAttempts { get; private set; }

    /// <summary>The client requests (under an Idempotency-Key) the order has answered, oldest first: a retry finds its first answer.</summary>
    public IReadOnlyList<AnsweredRequest> ClientRequests => clientRequests;

    /// <summary>The campaign the order was sold in, when it was (its templates speak for the order's messages); null for an order placed without one.</summary>
    public string? CampaignId { get; private set; }

    public bool IsExtended() => ExtendedAt is not null;

    /// <summary>
    /// Builds a new order from a validated request, the offer it buys and the customer. Amounts come
    /// from the offer in the order's currency. The first charge (S&amp;H for a trial, the whole order
    /// otherwise) is the first workflow row, due at once.
    /// </summary>
    public static Order Place(string number, PlaceOrder request, Offer offer, CustomerSnapshot customer, CardOnFile? card, DateTimeOffset now, string placedBy)
    {
        var v = new Validator();
        var currency = request.Currency;
        var productPrice = 0m;
        if (!offer.ProductPrice.TryGetValue(currency, out productPrice))
        {
            v.Add("currency", $"The offer has no product price in {currency}.");
        }

        if (!offer.ShippingAndHandling.TryGetValue(currency, out var sh))
        {
            sh = 0m;
            if (request.Trial)
            {
                v.Add("currency", $"The offer has no shipping & handling fee in {currency}.");
            }
        }

        var items = new List<OrderItem>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var line = request.Items[i];
            var quantity = line.Quantity ?? 1;
            if (line.Sku == PlaceOrder.MainSku)
            {
                items.Add(new OrderItem(PlaceOrder.MainSku, offer.Name, quantity, productPrice, productPrice * quantity));
                continue;
            }

            var upsell = offer.Upsells.FirstOrDefault(u => u.Id == line.Sku);
            if (upsell is null)
            {
                v.Add($"items[{i}].sku", $"'{line.Sku}' is neither 'main' nor an upsell of offer {request.OfferId}.");
            }
            else if (!upsell.UnitPrice.TryGetValue(currency, out var unit))
            {
                v.Add($"items[{i}].sku", $"Upsell '{line.Sku}' has no price in {currency}.");
            }
            else
            {
                items.Add(new OrderItem(upsell.Id, upsell.Name, quantity, unit, unit * quantity));
            }
        }

        DeliveryMethod? delivery = null;
        if (request.DeliveryMethodId is not null)
        {
            var method = offer.ShippingMethods.FirstOrDefault(m => m.Id == request.DeliveryMethodId);
            if (method is null)
            {
                v.Add("deliveryMethodId", $"'{request.DeliveryMethodId}' is not a shipping method of offer {request.OfferId}.");
            }
            else if (!method.Price.TryGetValue(currency, out var price))
            {
                v.Add("deliveryMethodId", $"Shipping method '{method.Id}' has no price in {currency}.");
            }
            else
            {
                delivery = new DeliveryMethod(method.Id, method.Name, price);
            }
        }

        v.ThrowIfInvalid();

        var order = new Order(
            number: number,
            offerId: request.OfferId,
            customer: customer,
            currency: currency,
            isTrial: request.Trial,
            status: request.Trial ? OrderStatus.Trial : OrderStatus.Pending,
            placedAt: now,
            placedBy: placedBy,
            items: items,
            shippingAndHandling: sh,
            deliveryMethod: delivery,
            ip: request.Ip,
            analytics: request.Analytics is { Source: null, Channel: null } ? null : request.Analytics,
            affiliate: request.Affiliate,
            tag: request.Tag,
            paymentProvider: request.PaymentProvider!,
            cardToken: request.CardToken,
            card: card,
            campaignId: request.CampaignId);
        order.history.Add(new StatusChange(null, order.Status, now, placedBy, "", OrderWording.ReasonPlaced.With()));
        order.BuildWorkflow(offer.Trial, now);
        return order;
    }

    /// <summary>
    /// A new order for an upsell sold on a call: linked to the main order, in its currency, paid by card
    /// at once (the first workflow row), then confirmed by email.
    /// </summary>
    public static Order PlaceUpsell(string number, Order main, UpsellPrice price, string provider, string cardToken, CardOnFile card, DateTimeOffset now, string placedBy, string? campaignId = null)
    {
        OrderRules.Ensure(main.Number, main.Status, OrderAction.SellUpsell);
        var order = new Order(
            number: number,
            offerId: main.OfferId,
            customer: main.Customer,
            currency: price.Currency,
            isTrial: false,
            status: OrderStatus.Pending,
            placedAt: now,
            placedBy: placedBy,
            items: [new OrderItem(price.UpsellId, price.Name, price.Quantity, price.UnitPrice, price.ItemsTotal)],
            deliveryMethod: new DeliveryMethod(price.ShippingMethodId, price.ShippingMethodName, price.ShippingPrice),
            paymentProvider: provider,
            cardToken: cardToken,
            card: card,
            mainOrderNumber: main.Number,
            campaignId: campaignId ?? main.CampaignId);
        order.history.Add(new StatusChange(null, order.Status, now, placedBy, "", OrderWording.ReasonUpsellPlaced.With(main.Number)));
        order.BuildWorkflow(TrialSettings.Default, now);
        order.AddSystemNote(OrderWording.NoteUpsellPlaced.With(main.Number, OrderWording.Count(price.Quantity), price.Name, price.ShippingMethodName, order.Format(price.Total)), now);
        return order;
    }

    /// <summary>Notes an upsell sold on this order, once: a retried placement tells the main order again. False when it was noted already.</summary>
    public bool NoteUpsell(string upsellNumber, decimal total, DateTimeOffset now, string by)
    {
        if (Notes.Any(n => IsUpsellNote(n, upsellNumber)))
        {
            return false;
        }

        AddSystemNote(OrderWording.NoteUpsellSold.With(upsellNumber, Format(total), by), now);
        return true;
    }

    public void Confirm(DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.Confirm);
        ChangeStatus(OrderStatus.Confirmed, now, by, OrderWording.ReasonConfirmed.With());
    }

    /// <summary>
    /// Cancels the order and every Waiting workflow event: a cancelled order is never charged nor reminded. The reason is a
    /// wording: the person's own words (<see cref="OrderWording.Text"/>) or a sentence of the rule that cancels.
    /// </summary>
    public void Cancel(DateTimeOffset now, string by, Wording reason)
    {
        OrderRules.Ensure(Number, Status, OrderAction.Cancel);
        ChangeStatus(OrderStatus.Cancelled, now, by, reason);
        CancelWaiting(now, reason, _ => true);
        AutoCancelAt = null;
    }

    /// <summary>A person cancels: for the reason they give in their own words, or, without one, "cancelled by" them.</summary>
    public void Cancel(DateTimeOffset now, string by, string? reason) =>
        Cancel(now, by, string.IsNullOrEmpty(reason) ? OrderWording.ReasonCancelledBy.With(by) : OrderWording.Text.With(reason));

    public void Delete(DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.Delete);
        CancelWaiting(now, OrderWording.CancelOrderDeleted.With(), _ => true);
        AutoCancelAt = null;
        ChangeStatus(OrderStatus.Deleted, now, by, OrderWording.ReasonDeleted.With());
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
        ChangeStatus(to, now, by, OrderWording.ReasonFulfillment.With(to.ToString()));
    }

    public void SetAutoCancel(DateTimeOffset? at, DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.ChangeAutoCancel);
        if (at is { } when && when <= now)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["at"] = ["must be in the future."] });
        }

        AutoCancelAt = at;
        AddSystemNote(at is { } cancelAt ? OrderWording.NoteAutoCancelSet.With(OrderWording.Instant(cancelAt), by) : OrderWording.NoteAutoCancelDisabled.With(by), now);
    }

    public void AutoCancel(DateTimeOffset now) =>
        Cancel(now, SystemAuthor, OrderWording.ReasonAutoCancelled.With(AutoCancelAt is { } at ? OrderWording.Instant(at) : null));

    public void RemoveAnalytics(DateTimeOffset now, string by)
    {
        OrderRules.Ensure(Number, Status, OrderAction.RemoveAnalytics);
        Analytics = null;
        AddSystemNote(OrderWording.NoteAnalyticsRemoved.With(by), now);
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
        AddSystemNote(OrderWording.NoteAlreadyPaid.With(by, callId, comment), now);
    }

    public OrderNote AddNote(string? text, string author, DateTimeOffset now)
    {
        var stored = Customers.CustomerNote.ValidText(text);
        var note = new OrderNote($"note-{Notes.Count + 1}", stored, author, System: false, now);
        notes.Add(note);
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
        tasks.Add(task);
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
        tasks[index] = updated;
        AddSystemNote(OrderWording.NoteTaskUpdated.With(taskId, by, updated.Assignee, updated.DueAt is { } due ? OrderWording.Instant(due) : null), now);
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
        tasks[index] = done;
        return done;
    }

    private (int Index, OrderTask Task) FindTask(string taskId)
    {
        var index = tasks.FindIndex(t => t.Id == taskId);
        return index < 0 ? throw DomainException.NotFound("Task", taskId) : (index, Tasks[index]);
    }

    private void ChangeStatus(OrderStatus to, DateTimeOffset now, string by, Wording reason)
    {
        history.Add(new StatusChange(Status, to, now, by, "", reason));
        AddSystemNote(OrderWording.NoteStatusChanged.With(Status.ToString(), to.ToString(), reason), now);
        Status = to;
    }

    private void AddSystemNote(Wording wording, DateTimeOffset now) =>
        notes.Add(new OrderNote($"note-{Notes.Count + 1}", "", SystemAuthor, System: true, now, wording));

    /// <summary>The main order's note of an upsell sold on it: as a wording, or as the English text of the build before.</summary>
    private static bool IsUpsellNote(OrderNote note, string upsellNumber) =>
        note.System && (note.Wording is { } w
            ? w.Code == OrderWording.NoteUpsellSold.Code && w.Values.TryGetValue("upsellOrder", out var number) && number == upsellNumber
            : note.Text.StartsWith($"Upsell order {upsellNumber} (", StringComparison.Ordinal));

    public string Format(decimal amount) =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency} {amount.ToString("0.".PadRight(2 + Common.Currency.Get(Currency).MinorUnits, '0').TrimEnd('.'), CultureInfo.InvariantCulture)}");
}
