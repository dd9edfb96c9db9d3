using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Domain.Orders;

/// <summary>The order's money: what it costs, what was received, refunded and is still owed, and the client requests it answered.</summary>
public sealed partial class Order
{
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

    public decimal Prepayments() => Sum(PaymentKind.Prepayment);

    /// <summary>Money received: approved charges and prepayments.</summary>
    public decimal Income() => Sum(PaymentKind.Charge) + Prepayments();

    public decimal Refunded() => Sum(PaymentKind.Refund);

    /// <summary>Money going out: refunds and the affiliate's commission.</summary>
    public decimal Expenses() => Refunded() + (Affiliate?.Commission ?? 0m);

    public decimal Refundable() => Income() - Refunded();

    private decimal Sum(PaymentKind kind) =>
        Payments.Where(p => p.Kind == kind && p.Status == PaymentStatus.Approved).Sum(p => p.Amount);

    /// <summary>
    /// Whether this client request was answered already (its retry changes nothing more: the order as it is is the answer);
    /// the same key for another request is a mistake, refused (<see cref="ClientRequest.Repeats"/>).
    /// </summary>
    public bool Answered(ClientRequest? request)
    {
        if (request is null)
        {
            return false;
        }

        return ClientRequests.FirstOrDefault(r => r.Key == request.Key) is { } answered
            ? request.Repeats(answered.Fingerprint)
            : AnsweredBeforeFingerprints(request.Key);
    }

    /// <summary>
    /// An order stored by the build that kept no answered requests: the change, refund or prepayment made under the key is
    /// its answer (that build kept no fingerprint to tell another request by).
    /// </summary>
    private bool AnsweredBeforeFingerprints(string key) =>
        Changes.Any(c => c.ClientKey == key)
        || Payments.Any(p => (p.Kind == PaymentKind.Refund && p.IdempotencyKey.StartsWith($"{Number}:refund:{key}:", StringComparison.Ordinal))
                             || (p.Kind == PaymentKind.Prepayment && p.IdempotencyKey == $"{Number}:prepayment:{key}"));

    private void RecordAnswer(ClientRequest? request, DateTimeOffset now)
    {
        if (request is not null && !clientRequests.Exists(r => r.Key == request.Key))
        {
            clientRequests.Add(new AnsweredRequest(request.Key, request.Fingerprint, now));
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
            row.Says(OrderWording.Refunded.With(Format(row.Amount ?? 0m)));
        }
        else if (last == PaymentStatus.Unknown)
        {
            row.Attempts++;
            row.RecheckAt = now + UnknownOutcomeRecheck;
            row.Says(OrderWording.OutcomeUnknown.With());
        }
        else
        {
            row.Status = WorkflowStatus.Failed;
            row.ExecutedAt = now;
            row.DeclineReason = declineReason;
            row.Says(OrderWording.RefundRefused.With(declineReason));
            AddSystemNote(OrderWording.NoteRefundRefused.With(Format(RefundLeft(row)), ChangeRefundedBy(row).Id, declineReason), now);
        }
    }

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

    /// <summary>
    /// Records a refund the provider answered. Its note gives the person's <paramref name="reason"/>, or, for a part of a
    /// refund row (<paramref name="eventId"/>), what the row is.
    /// </summary>
    public void RecordRefund(PaymentResult result, decimal amount, string refundOf, DateTimeOffset now, string by, string? reason, string? eventId = null, ClientRequest? request = null)
    {
        payments.Add(new PaymentRecord($"pay-{Payments.Count + 1}", PaymentKind.Refund, amount, Currency, now, result.Provider,
            result.TransactionId, result.Status, eventId, result.DeclineReason, result.IdempotencyKey, refundOf));
        RecordAnswer(request, now);
        if (result.Status != PaymentStatus.Approved)
        {
            return;
        }

        var full = Refundable() == 0m;
        object? why = eventId is null ? reason : Event(eventId).Describe();
        AddSystemNote((full ? OrderWording.NoteFullRefund : OrderWording.NotePartialRefund).With(Format(amount), by, why), now);
        if (full && Status != OrderStatus.Refunded)
        {
            CancelWaiting(now, OrderWording.CancelOrderRefunded.With(), _ => true);
            ChangeStatus(OrderStatus.Refunded, now, by, OrderWording.ReasonRefunded.With());
        }
    }

    public void RecordPrepayment(PaymentResult result, decimal amount, DateTimeOffset now, string by, ClientRequest? request = null)
    {
        payments.Add(new PaymentRecord($"pay-{Payments.Count + 1}", PaymentKind.Prepayment, amount, Currency, now, result.Provider,
            result.TransactionId, result.Status, null, result.DeclineReason, result.IdempotencyKey));
        RecordAnswer(request, now);
        AddSystemNote(OrderWording.NotePrepayment.With(Format(amount), by), now);
        if (PrepayableOwed() == 0m)
        {
            // Paid in advance: no product charge, and no trial reminder or extension offer that speaks of one.
            CancelWaiting(now, OrderWording.CancelPaidInAdvance.With(), _ => true);
            MarkPaid(now, OrderWording.ReasonPrepaid.With());
        }
    }

    /// <summary>
    /// Refund, full or partial, through the provider (PRODUCT.md): allowed in the statuses that took money; no amount
    /// means everything refundable; never more than what was received and not refunded.
    /// </summary>
    public decimal RefundAsked(decimal? amount)
    {
        OrderRules.Ensure(Number, Status, OrderAction.Refund);
        var total = amount ?? Refundable();
        CheckAmount(total, max: Refundable(), "refundable");
        return total;
    }

    /// <summary>
    /// Money is never moved twice: the key prefix of a refund's parts comes from the order and the client's key; without
    /// one, each attempt is new and takes a key of its own (persist the order before the provider hears of it).
    /// </summary>
    public string RefundKeyPrefix(ClientRequest? request) =>
        request is null ? $"{Number}:refund-{++RefundAttempts}" : $"{Number}:refund:{request.Key}";

    /// <summary>
    /// The refunds the provider is asked for: <see cref="PlanRefund"/>'s parts, each under <c>{keyPrefix}:{charge transaction}</c>.
    /// Planned again from the same state after a crash, the same keys and amounts come out.
    /// </summary>
    public IReadOnlyList<(PaymentRecord Payment, decimal Amount, RefundRequest Request)> RefundRequests(decimal amount, string keyPrefix, string reason)
    {
        var currency = Common.Currency.Get(Currency);
        return PlanRefund(amount)
            .Select(p => (p.Payment, p.Amount, new RefundRequest(p.Payment.Provider, $"{keyPrefix}:{p.Payment.TransactionId}", p.Payment.TransactionId!,
                currency.ToMinorUnits(p.Amount), Currency, reason)))
            .ToList();
    }

    /// <summary>
    /// Prepay, when the offer allows it (PRODUCT.md): on an order still to be paid, on the card on file or another provider
    /// token, never more than what a prepayment may still cover (<see cref="PrepayableOwed"/>). The charge it asks for.
    /// </summary>
    public ChargeRequest PrepaymentAsked(decimal? amount, string? cardToken, bool offerAllowsPrepayment, ClientRequest? request)
    {
        OrderRules.Ensure(Number, Status, OrderAction.Prepay);
        if (!offerAllowsPrepayment)
        {
            throw DomainException.Conflict("Prepayment not allowed", $"Offer '{OfferId}' does not allow prepayments.");
        }

        var v = new Validator();
        CardTokens.Check(v, "cardToken", cardToken ?? CardToken, required: true);
        v.ThrowIfInvalid();
        CheckAmount(amount, max: PrepayableOwed(), "still owed");

        // Each keyless attempt has a key of its own (a declined one too): persist the order before the provider hears of it.
        var key = request is null ? $"{Number}:prepayment-{++PrepaymentAttempts}" : $"{Number}:prepayment:{request.Key}";
        return new ChargeRequest(PaymentProvider, key, cardToken ?? CardToken!, Common.Currency.Get(Currency).ToMinorUnits(amount!.Value), Currency,
            $"Prepayment for order {Number}");
    }

    /// <summary>A discount takes a positive amount in the order's currency, at most the largest amount the CRM handles.</summary>
    public decimal DiscountAsked(decimal? amount)
    {
        CheckAmount(amount, max: Common.Currency.MaxAmount, "largest amount");
        return amount!.Value;
    }

    /// <summary>An amount asked for: present, more than zero, in the currency's decimals and at most <paramref name="max"/>.</summary>
    private void CheckAmount(decimal? amount, decimal max, string what)
    {
        const string field = "amount";
        var v = new Validator();
        if (amount is not { } value)
        {
            v.Add(field, "is required.");
        }
        else if (value <= 0m)
        {
            v.Add(field, "must be more than zero.");
        }
        else if (v.Amount(field, value, Common.Currency.Get(Currency)) && value > max)
        {
            v.Add(field, $"is more than the {Format(max)} {what}.");
        }

        v.ThrowIfInvalid();
    }
}
