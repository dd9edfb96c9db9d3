using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Offers;
using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Domain.Orders;

/// <summary>The order's sales workflow: the rows due, what runs them, and what their outcomes change.</summary>
public sealed partial class Order
{
    /// <summary>How soon a charge whose outcome was unknown is checked with the provider again.</summary>
    public static readonly TimeSpan UnknownOutcomeRecheck = TimeSpan.FromMinutes(5);

    private static bool IsWaitingProductCharge(WorkflowEvent e) =>
        e.Kind is WorkflowKind.ProductCharge or WorkflowKind.ProductChargeRetry && e.Status is WorkflowStatus.Waiting or WorkflowStatus.OnHold;

    /// <summary>A charge that was sent to the provider but whose outcome is not on record: it may have moved money.</summary>
    public static bool InDoubt(WorkflowEvent e) =>
        e.Type == WorkflowEventType.Charge && e.Status == WorkflowStatus.Waiting && (e.Attempts > 0 || e.RecheckAt is not null);

    /// <summary>Whether the order may still take new money; a closed order only resolves charges already in doubt.</summary>
    public bool AcceptsNewCharges() => Status is OrderStatus.Pending or OrderStatus.Confirmed or OrderStatus.Trial;

    private void BuildWorkflow(TrialSettings trialSettings, DateTimeOffset now)
    {
        if (IsTrial)
        {
            Trial = TrialSchedule.For(PlacedAt, trialSettings);
            Add(WorkflowIds.ShippingCharge, WorkflowKind.ShippingCharge, WorkflowEventType.Charge, OrderWording.RowShippingCharge.With(), now, amount: ShippingAndHandling + (DeliveryMethod?.Price ?? 0m));
            Add(WorkflowIds.OrderConfirmation, WorkflowKind.OrderConfirmation, WorkflowEventType.Email, OrderWording.RowOrderConfirmation.With(), now);
            Add(WorkflowIds.TrialReminder, WorkflowKind.TrialReminder, WorkflowEventType.Email,
                OrderWording.RowTrialReminder.With(OrderWording.Count(Trial.ReminderDay), OrderWording.Count(Trial.DaysLeftAtReminder())), Trial.ReminderAt());
            Add(WorkflowIds.ExtensionOffer, WorkflowKind.ExtensionOffer, WorkflowEventType.Email, OrderWording.RowExtensionOffer.With(), Trial.ExtensionOfferAt());
            Add(WorkflowIds.ProductCharge, WorkflowKind.ProductCharge, WorkflowEventType.Charge, OrderWording.RowProductCharge.With(), Trial.ChargeAt(extended: false), amount: ItemsTotal());
            Add(WorkflowIds.PaymentConfirmation, WorkflowKind.PaymentConfirmation, WorkflowEventType.Email, OrderWording.RowPaymentConfirmation.With(), Trial.ChargeAt(extended: false), after: WorkflowIds.ProductCharge);
            return;
        }

        AutoCancelAt = now + DefaultAutoCancel;
        if (CardToken is not null)
        {
            Add(WorkflowIds.PaymentCharge, WorkflowKind.PaymentCharge, WorkflowEventType.Charge, OrderWording.RowOrderCharge.With(), now, amount: Total());
        }

        Add(WorkflowIds.OrderConfirmation, WorkflowKind.OrderConfirmation, WorkflowEventType.Email, OrderWording.RowOrderConfirmation.With(), now);
        if (CardToken is not null)
        {
            Add(WorkflowIds.PaymentConfirmation, WorkflowKind.PaymentConfirmation, WorkflowEventType.Email, OrderWording.RowPaymentConfirmation.With(), now, after: WorkflowIds.PaymentCharge);
        }
    }

    private WorkflowEvent Add(
        string id, WorkflowKind kind, WorkflowEventType type, Wording description, DateTimeOffset at, decimal? amount = null, string? after = null,
        string? resendOf = null, string? link = null)
    {
        var e = new WorkflowEvent(id, kind, type, "", at, amount: amount, after: after, resendOf: resendOf, link: link, descriptionWording: description);
        workflow.Add(e);
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
            e.Says(OrderWording.OutcomeUnknown.With());
            return;
        }

        var amount = Common.Currency.Get(Currency).FromMinorUnits(result.AmountMinor);
        payments.Add(new PaymentRecord($"pay-{Payments.Count + 1}", PaymentKind.Charge, amount, Currency, now, result.Provider,
            result.TransactionId, result.Status, e.Id, result.DeclineReason, result.IdempotencyKey));
        e.ExecutedAt = now;
        e.TransactionId = result.TransactionId;
        e.RecheckAt = null;

        if (result.Status == PaymentStatus.Approved)
        {
            e.Status = WorkflowStatus.Completed;
            e.Says(OrderWording.Charged.With(Format(amount), result.TransactionId ?? ""));
            if (!AcceptsNewCharges() && Status != OrderStatus.PaymentFailed)
            {
                AddSystemNote(OrderWording.NoteLateCharge.With(Format(amount), Status.ToString()), now);
                return;
            }

            if (e.Kind is WorkflowKind.ProductCharge or WorkflowKind.ProductChargeRetry or WorkflowKind.PaymentCharge)
            {
                MarkPaid(now, OrderWording.ReasonChargeApproved.With(e.Describe()));
            }

            return;
        }

        e.Status = WorkflowStatus.Failed;
        e.DeclineReason = result.DeclineReason;
        e.Says(OrderWording.Declined.With(result.DeclineReason ?? "", result.DeclineCode ?? ""));
        if (e.Kind is not (WorkflowKind.ProductCharge or WorkflowKind.ProductChargeRetry) || !AcceptsNewCharges())
        {
            return;
        }

        var retry = Workflow.Count(w => w.Kind == WorkflowKind.ProductChargeRetry) + 1;
        var retryAt = result.Status == PaymentStatus.HardDeclined ? null : DunningPolicy.RetryAt(Event(WorkflowIds.ProductCharge).ScheduledAt, retry);
        if (retryAt is { } at)
        {
            Add($"{WorkflowIds.ProductCharge}-retry-{retry}", WorkflowKind.ProductChargeRetry, WorkflowEventType.Charge,
                OrderWording.RowProductChargeRetry.With(OrderWording.Count(retry), OrderWording.Count(DunningPolicy.RetryDays.Count)), at, amount: e.Amount);
            return;
        }

        var why = result.Status == PaymentStatus.HardDeclined
            ? OrderWording.ReasonHardDeclined.With(result.DeclineReason)
            : OrderWording.ReasonRetriesDeclined.With(OrderWording.Count(DunningPolicy.RetryDays.Count), result.DeclineReason);
        ChangeStatus(OrderStatus.PaymentFailed, now, SystemAuthor, why);
        CancelWaiting(now, OrderWording.CancelPaymentFailed.With(), e => e.Kind == WorkflowKind.PaymentConfirmation);
        Add(WorkflowIds.PaymentFailedNotice, WorkflowKind.PaymentFailedNotice, WorkflowEventType.Email, OrderWording.RowPaymentFailedNotice.With(), now);
    }

    private void MarkPaid(DateTimeOffset now, Wording why)
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
        e.Says(OrderWording.ChargeNeverSent.With(Status.ToString()));
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
                e.Says(OrderWording.EmailSent.With(delivery.Recipient ?? "", delivery.MessageId ?? ""));
                break;
            case Messaging.DeliveryStatus.Failed:
                e.Status = WorkflowStatus.Failed;
                e.ExecutedAt = now;
                e.Says(OrderWording.EmailNotDelivered.With(delivery.Recipient ?? "", delivery.LastError ?? ""));
                break;
            default:
                e.RecheckAt = now + recheck;
                e.Says(OrderWording.EmailQueued.With(delivery.Recipient ?? "", OrderWording.Count(delivery.Attempts), delivery.LastError ?? ""));
                break;
        }
    }

    /// <summary>An email that cannot be sent because the customer has no address.</summary>
    public void SkipEmail(string eventId, DateTimeOffset now)
    {
        var e = Event(eventId);
        e.Status = WorkflowStatus.Cancelled;
        e.ExecutedAt = now;
        e.Says(OrderWording.EmailNoAddress.With());
    }

    /// <summary>
    /// An email row whose campaign's (or offer's) templates spoke for it without an email to follow: their messages (SMS,
    /// or emails to others than the customer) were handed to the outbox, or, with none made, nothing was sent.
    /// </summary>
    public void RecordTemplateMessages(string eventId, int handed, DateTimeOffset now)
    {
        var e = Event(eventId);
        if (e.Status != WorkflowStatus.Waiting)
        {
            return;
        }

        e.Status = handed > 0 ? WorkflowStatus.Completed : WorkflowStatus.Cancelled;
        e.ExecutedAt = now;
        e.RecheckAt = null;
        e.Says(handed > 0 ? OrderWording.EmailByTemplates.With(OrderWording.Count(handed)) : OrderWording.EmailNoTemplateMessage.With());
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
        return Add($"{root}-resend-{n}", original.Kind, WorkflowEventType.Email, OrderWording.RowResent.With(Event(root).Describe()), now, resendOf: root, link: original.Link);
    }

    /// <summary>What extending would mean, for the page the emailed link opens: refused as <see cref="Extend"/> would be.</summary>
    public TrialExtensionOffer ExtensionOffer()
    {
        var charge = EnsureExtendable();
        return new TrialExtensionOffer(Number, Items, Currency, AmountToCharge(charge), charge.ScheduledAt, charge.ScheduledAt.AddDays(Trial!.ExtensionDays), Trial.ExtensionDays, Customer.TimeZone);
    }

    /// <summary>The product charge a trial extension moves, while it may still move; a clear refusal otherwise.</summary>
    private WorkflowEvent EnsureExtendable()
    {
        if (IsExtended())
        {
            throw DomainException.Conflict("The trial was already extended", $"Order {Number}'s trial can be extended once; it was extended on {ExtendedAt:O}.");
        }

        return EnsureTrialChargeMovable(OrderAction.Extend);
    }

    /// <summary>The trial's product charge while it may still move (not charged, not with the provider, order still in trial); a clear refusal otherwise.</summary>
    private WorkflowEvent EnsureTrialChargeMovable(OrderAction action)
    {
        var what = action == OrderAction.Extend ? "the trial can no longer be extended" : "the trial end can no longer be moved";
        if (Status is OrderStatus.Paid or OrderStatus.Shipping or OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Refunded)
        {
            throw DomainException.Conflict("The trial is over", $"Order {Number} was already charged for the product; {what}.");
        }

        OrderRules.Ensure(Number, Status, action);
        var charge = Event(WorkflowIds.ProductCharge);
        if (InDoubt(charge) || charge.Status is not (WorkflowStatus.Waiting or WorkflowStatus.OnHold))
        {
            throw DomainException.Conflict("The trial is over", $"Order {Number}'s product charge has already been sent to the provider; {what}.");
        }

        return charge;
    }

    /// <summary>The customer's one-time trial extension: the product charge moves by the extension days.</summary>
    public void Extend(DateTimeOffset now)
    {
        var charge = EnsureExtendable();
        var from = charge.ScheduledAt;
        var to = from.AddDays(Trial!.ExtensionDays);
        charge.ScheduledAt = to;
        charge.IsDescribedAs(OrderWording.RowProductChargeExtended.With());
        Event(WorkflowIds.PaymentConfirmation).ScheduledAt = to;
        ExtendedAt = now;
        var row = Add(WorkflowIds.TrialExtended, WorkflowKind.TrialExtended, WorkflowEventType.Extension, OrderWording.RowTrialExtended.With(OrderWording.Count(Trial.ExtensionDays)), now);
        row.Status = WorkflowStatus.Completed;
        row.ExecutedAt = now;
        row.Says(OrderWording.ChargeMoved.With(OrderWording.Instant(from), OrderWording.Instant(to)));
        workflow.Remove(row);
        workflow.Insert(workflow.IndexOf(charge), row);
        AddSystemNote(OrderWording.NoteTrialExtended.With(OrderWording.Instant(from), OrderWording.Instant(to)), now);
    }

    /// <summary>
    /// A supervisor moves the trial's end (the billing systems' "change trial end"): the product charge and its
    /// payment confirmation move to <paramref name="at"/>, and the trial's reminder emails still waiting keep their
    /// distance before the end (sent at once when that time has already passed). Refused in the past, on an order that
    /// is not a trial, once the product was charged (or the charge is with the provider), and on a closed order. A
    /// workflow row and a system note record it; a later extension adds its days to the moved end.
    /// </summary>
    public void MoveTrialEnd(DateTimeOffset at, DateTimeOffset now, string by)
    {
        if (!IsTrial)
        {
            throw DomainException.Conflict("Not a trial order", $"Order {Number} has no trial; there is no trial end to move.");
        }

        if (at <= now)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["at"] = ["must be in the future."] });
        }

        var charge = EnsureTrialChargeMovable(OrderAction.MoveTrialEnd);
        var from = charge.ScheduledAt;
        var shift = at - from;
        charge.ScheduledAt = at;
        Event(WorkflowIds.PaymentConfirmation).ScheduledAt = at;
        foreach (var email in Workflow.Where(e => e.Kind is WorkflowKind.TrialReminder or WorkflowKind.ExtensionOffer && e.Status == WorkflowStatus.Waiting && e.ResendOf is null))
        {
            var moved = email.ScheduledAt + shift;
            email.ScheduledAt = moved < now ? now : moved;
        }

        var n = Workflow.Count(w => w.Kind == WorkflowKind.TrialEndMoved) + 1;
        var row = Add($"{WorkflowIds.TrialEndMoved}-{n}", WorkflowKind.TrialEndMoved, WorkflowEventType.Extension, OrderWording.RowTrialEndMoved.With(by), now);
        row.Status = WorkflowStatus.Completed;
        row.ExecutedAt = now;
        row.Says(OrderWording.ChargeMoved.With(OrderWording.Instant(from), OrderWording.Instant(at)));
        workflow.Remove(row);
        workflow.Insert(workflow.IndexOf(charge), row);
        AddSystemNote(OrderWording.NoteTrialEndMoved.With(OrderWording.Instant(from), OrderWording.Instant(at), by), now);
    }

    /// <summary>Auto-payments disabled for the customer: waiting charges go on hold instead of running.</summary>
    public void HoldCharges(DateTimeOffset now, Wording reason)
    {
        AutoPaymentsEnabled = false;
        var held = Workflow.Where(e => e.Type == WorkflowEventType.Charge && e.Status == WorkflowStatus.Waiting).ToList();
        foreach (var e in held)
        {
            e.Status = WorkflowStatus.OnHold;
            e.Says(reason);
        }

        if (held.Count > 0)
        {
            AddSystemNote(OrderWording.NoteChargesHeld.With(held.Select(e => e.Describe()).ToList()), now);
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
            e.Says(null);
        }

        if (released.Count > 0)
        {
            AddSystemNote(OrderWording.NoteChargesReleased.With(released.Select(e => e.Describe()).ToList()), now);
        }
    }

    /// <summary>Cancels waiting rows; a charge in doubt stays, to be resolved with the provider (never charged anew), and money owed back is still refunded.</summary>
    private void CancelWaiting(DateTimeOffset now, Wording reason, Func<WorkflowEvent, bool> which)
    {
        foreach (var e in Workflow.Where(e => e.Status is WorkflowStatus.Waiting or WorkflowStatus.OnHold && !InDoubt(e) && e.Type != WorkflowEventType.Refund && which(e)))
        {
            e.Status = WorkflowStatus.Cancelled;
            e.ExecutedAt = now;
            e.Says(OrderWording.Cancelled.With(reason));
        }
    }

    /// <summary>Intent first (money is never moved twice): a charge attempt is on record before the provider hears of it.</summary>
    public void NoteChargeAttempt(string eventId) => Event(eventId).Attempts++;

    /// <summary>
    /// The charge a due charge row asks the provider for: under its own key, for what is still owed for it, described to the
    /// provider by the row's description <paramref name="inWords"/> (the provider's edge renders it).
    /// </summary>
    public ChargeRequest ChargeRequestFor(WorkflowEvent charge, Func<Wording, string> inWords) =>
        new(PaymentProvider, ChargeKey(charge), CardToken!, Common.Currency.Get(Currency).ToMinorUnits(AmountToCharge(charge)), Currency,
            $"{inWords(charge.Describe())}, order {Number}");

    /// <summary>Whether this email row still needs the customer's one-time extension link before it is sent.</summary>
    public static bool NeedsExtensionLink(WorkflowEvent email) => email.Kind == WorkflowKind.ExtensionOffer && email.Link is null;

    /// <summary>The extension-offer email carries the customer's one-time link (its resends carry the same one).</summary>
    public void GiveExtensionLink(string eventId, string link) => Event(eventId).Link = link;
}
