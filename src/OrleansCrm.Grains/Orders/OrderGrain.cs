using OrleansCrm.Contracts.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using OrleansCrm.Presentation;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Orders;

/// <summary>
/// An order: loads its state, lets the domain decide, performs charges and emails (intent persisted
/// first, the same idempotency key on every retry), persists, updates the search index and arms its one reminder.
/// Every way in first reconciles what derives from the stored order (<see cref="ReconcilingGrain"/>): a retry
/// answered from stored state finishes what the first attempt left (due work, index row, reminder).
/// </summary>
public sealed partial class OrderGrain(
    [PersistentState(StorageNames.OrderState, StorageNames.Crm)] IPersistentState<OrderState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    IPaymentGateway payments,
    IEmailOutbox outbox,
    ISmsOutbox smsOutbox,
    IOrderDirectory directory,
    IOptions<DueWorkOptions> dueWork,
    IOptions<PublicLinkOptions> links,
    ILogger<OrderGrain> logger)
    : ReconcilingGrain, IOrderGrain, IRemindable
{
    /// <summary>A bound on one round of due work, so a broken rule cannot spin.</summary>
    private const int MaxStepsPerRound = 64;

    /// <summary>The state version this activation wrote to the order index (null: not known to be there).</summary>
    private long? indexedVersion;

    private string Number => this.GetPrimaryKeyString();

    private Order Current => state.State.Order ?? throw DomainException.NotFound("Order", Number);

    public async Task<Order> PlaceAsync(PlaceOrder request, string placedBy)
    {
        if (state.State.Order is { } existing)
        {
            return existing;
        }

        var valid = request.Validated();
        var offer = await GrainFactory.GetGrain<IOfferGrain>(valid.OfferId).GetAsync()
            ?? throw Unknown("offerId", $"There is no offer '{valid.OfferId}'.");
        var customer = await GrainFactory.GetGrain<ICustomerGrain>(valid.CustomerId).GetAsync()
            ?? throw Unknown("customerId", $"There is no customer '{valid.CustomerId}'.");
        if (valid.CampaignId is { } campaignId && await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync() is null)
        {
            throw Unknown("campaignId", $"There is no campaign '{campaignId}'.");
        }
        var card = valid.CardToken is null ? null : await payments.DescribeCardAsync(valid.PaymentProvider!, valid.CardToken);
        var profile = customer.Profile;
        var snapshot = new CustomerSnapshot(customer.Id, profile.Name, profile.Email, profile.Phone, profile.TimeZone);
        var now = clock.GetUtcNow();
        var order = Order.Place(Number, valid, offer.Value, snapshot, card, now, placedBy);

        await ChargeFirstAsync(order, now);

        if (!customer.AutoPaymentsEnabled)
        {
            order.HoldCharges(now, OrderWording.HeldAutoPaymentsOff.With());
        }

        // The customer learns of the order before it is stored, so a stored order is always among its customer's orders.
        await GrainFactory.GetGrain<ICustomerGrain>(customer.Id).AddOrderAsync(Number);
        state.State.Order = order;
        await SaveAndRunDueWorkAsync();
        return Current;
    }

    public async Task<Order> PlaceUpsellAsync(UpsellCheckout checkout, string placedBy)
    {
        if (state.State.Order is { } existing)
        {
            return existing;
        }

        var mainGrain = GrainFactory.GetGrain<IOrderGrain>(checkout.MainOrderNumber);
        var main = await mainGrain.GetAsync() ?? throw DomainException.NotFound("Order", checkout.MainOrderNumber);
        OrderRules.Ensure(main.Number, main.Status, OrderAction.SellUpsell);
        var offer = await GrainFactory.GetGrain<IOfferGrain>(main.OfferId).GetAsync()
            ?? throw DomainException.Conflict("The offer is gone", $"Offer '{main.OfferId}' of order {main.Number} no longer exists.");
        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(checkout.CampaignId).GetAsync()
            ?? throw Unknown("campaignId", $"There is no campaign '{checkout.CampaignId}'.");
        var provider = checkout.ProviderAmong(campaign.Value.PaymentProviders);
        var price = UpsellQuote.Price(offer.Value, main.Currency, checkout.Choice);
        var token = checkout.CardTokenFor(main);
        var card = await payments.DescribeCardAsync(provider, token);
        var now = clock.GetUtcNow();
        var order = Order.PlaceUpsell(Number, main, price, provider, token, card, now, placedBy, checkout.CampaignId);
        await ChargeFirstAsync(order, now);

        // The main order and the customer learn of the upsell before it is stored (the upsell was charged already); telling them twice is harmless.
        await mainGrain.NoteUpsellAsync(Number, price.Total, placedBy);
        await GrainFactory.GetGrain<ICustomerGrain>(order.Customer.Id).AddOrderAsync(Number);
        state.State.Order = order;
        await SaveAndRunDueWorkAsync();
        return Current;
    }

    public async Task NoteUpsellAsync(string upsellNumber, decimal total, string by)
    {
        if (Current.NoteUpsell(upsellNumber, total, clock.GetUtcNow(), by))
        {
            await SaveAndRunDueWorkAsync();
        }
    }

    public Task<Order?> GetAsync() => Task.FromResult(state.State.Order);

    /// <summary>The first charge of a new order runs before anything is stored: a declined card creates no order.</summary>
    private async Task ChargeFirstAsync(Order order, DateTimeOffset now)
    {
        if (order.NextDueEvent(now) is not { Type: WorkflowEventType.Charge } first)
        {
            return;
        }

        order.NoteChargeAttempt(first.Id);
        var result = await ChargeOrLookupAsync(order, first);
        if (result.Status is PaymentStatus.Declined or PaymentStatus.HardDeclined)
        {
            throw new DomainException(ProblemKind.PaymentDeclined, "Payment declined", $"The card was declined: {result.DeclineReason} ({result.DeclineCode}). Nothing was created; try another card.");
        }

        if (result.Status == PaymentStatus.Unknown)
        {
            throw new DomainException(ProblemKind.Unavailable, "The payment provider did not answer", "Nothing was created. Retry with the same Idempotency-Key: the card is never charged twice.");
        }

        order.RecordCharge(first.Id, result, now);
    }

    public Task<Order> ExtendTrialAsync() => ChangeAsync(order => order.Extend(clock.GetUtcNow()));

    public Task<Order> MoveTrialEndAsync(DateTimeOffset at, string by) => ChangeAsync(order => order.MoveTrialEnd(at, clock.GetUtcNow(), by));

    public Task<Order> ConfirmAsync(string by) => ChangeAsync(order => order.Confirm(clock.GetUtcNow(), by));

    public Task<Order> CancelAsync(string by, string? reason) =>
        ChangeAsync(order => order.Cancel(clock.GetUtcNow(), by, Reason(reason, "")));

    public Task<Order> CancelForAsync(Wording reason, string by) => ChangeAsync(order => order.Cancel(clock.GetUtcNow(), by, reason));

    public Task<Order> DeleteAsync(string by) => ChangeAsync(order => order.Delete(clock.GetUtcNow(), by));

    public Task<Order> FulfillAsync(OrderStatus to, string by) => ChangeAsync(order => order.Fulfill(to, clock.GetUtcNow(), by));

    public Task<Order> SetAutoCancelAsync(DateTimeOffset? at, string by) => ChangeAsync(order => order.SetAutoCancel(at, clock.GetUtcNow(), by));

    public Task<Order> RemoveAnalyticsAsync(string by) => ChangeAsync(order => order.RemoveAnalytics(clock.GetUtcNow(), by));

    public Task<Order> ResendAsync(string eventId, string by) => ChangeAsync(order => order.Resend(eventId, clock.GetUtcNow()));

    public Task<Order> MarkAlreadyPaidAsync(string callId, string? comment, string by) =>
        ChangeAsync(order => order.MarkAlreadyPaid(callId, comment, clock.GetUtcNow(), by));

    public Task<OrderCallingFacts?> GetCallingFactsAsync() => Task.FromResult(state.State.Order?.CallingFacts());

    public Task<Order> HoldFulfillmentAsync(string? reason, string by) =>
        ChangeAsync(order => order.HoldFulfillment(OptionalReason(reason), clock.GetUtcNow(), by));

    public Task<Order> ReleaseFulfillmentAsync(string by) => ChangeAsync(order => order.ReleaseFulfillment(clock.GetUtcNow(), by));

    public Task<Order> CancelFulfillmentAsync(string? reason, string by) =>
        ChangeAsync(order => order.CancelFulfillment(OptionalReason(reason), clock.GetUtcNow(), by));

    public async Task<Order> DiscountAsync(decimal? amount, string? reason, ClientRequest? request, string by)
    {
        var order = Current;
        if (order.Answered(request))
        {
            return order; // the same discount asked again: its first answer
        }

        var discount = order.DiscountAsked(amount);
        var why = OptionalReason(reason);
        return await ChangeAsync(o => o.Discount(discount, why, request, clock.GetUtcNow(), by));
    }

    public async Task<Order> DecreaseQuantityAsync(string sku, int? quantity, string? reason, ClientRequest? request, string by)
    {
        var order = Current;
        if (order.Answered(request))
        {
            return order; // the same decrease asked again: its first answer
        }

        var v = new Validator();
        if (v.Required("quantity", quantity))
        {
            v.Range("quantity", quantity!.Value, 1, 100);
        }

        v.ThrowIfInvalid();
        var why = OptionalReason(reason);
        return await ChangeAsync(o => o.DecreaseQuantity(sku, quantity!.Value, why, request, clock.GetUtcNow(), by));
    }

    public async Task<OrderNote> AddNoteAsync(string? text, string by)
    {
        var note = Current.AddNote(text, by, clock.GetUtcNow());
        await SaveAndRunDueWorkAsync();
        return note;
    }

    public async Task<OrderTask> AddTaskAsync(string? title, DateTimeOffset? dueAt, string? assignee, string by)
    {
        var task = Current.AddTask(title, dueAt, assignee, clock.GetUtcNow(), by);
        await SaveAndRunDueWorkAsync();
        return task;
    }

    public async Task<OrderTask> UpdateTaskAsync(string taskId, string? assignee, DateTimeOffset? dueAt, bool clearDue, string by)
    {
        var task = Current.UpdateTask(taskId, assignee, dueAt, clearDue, clock.GetUtcNow(), by);
        await SaveAndRunDueWorkAsync();
        return task;
    }

    public async Task<OrderTask> CompleteTaskAsync(string taskId, string by)
    {
        var task = Current.CompleteTask(taskId, clock.GetUtcNow(), by);
        await SaveAndRunDueWorkAsync();
        return task;
    }

    public async Task AutoPaymentsChangedAsync(bool enabled, string by)
    {
        if (state.State.Order is not { } order)
        {
            return;
        }

        if (enabled)
        {
            order.ReleaseCharges(clock.GetUtcNow());
        }
        else
        {
            order.HoldCharges(clock.GetUtcNow(), OrderWording.HeldAutoPaymentsDisabledBy.With(by));
        }

        await SaveAndRunDueWorkAsync();
    }

    public async Task<Order> RefundAsync(decimal? amount, string? reason, ClientRequest? request, string by)
    {
        var order = Current;
        if (order.Answered(request))
        {
            return order; // the same refund asked again: its first answer
        }

        var total = order.RefundAsked(amount);
        var why = reason is null ? null : Reason(reason, "refund");
        var keyPrefix = order.RefundKeyPrefix(request);
        if (request is null)
        {
            await state.WriteStateAsync(); // a keyless attempt is on record before the provider hears of it
        }

        await RefundThroughProviderAsync(order, total, keyPrefix, why, by, eventId: null, request);
        await SaveAndRunDueWorkAsync();
        return Current;
    }

    /// <summary>
    /// The one refund path: splits the amount over the approved charges (newest first) and refunds each part under
    /// <c>{keyPrefix}:{charge transaction}</c>, recording each answer as it comes. Planned again from the same state
    /// after a crash, it repeats the same keys and amounts, so the provider answers with what it already did.
    /// </summary>
    private async Task<PaymentResult?> RefundThroughProviderAsync(Order order, decimal amount, string keyPrefix, string? why, string by, string? eventId, ClientRequest? client = null)
    {
        var now = clock.GetUtcNow();
        PaymentResult? last = null;
        foreach (var (payment, part, request) in order.RefundRequests(amount, keyPrefix, why ?? "refund"))
        {
            last = await payments.RefundAsync(request);
            if (eventId is not null && last.Status == PaymentStatus.Unknown)
            {
                break; // asked again with the same key on the row's recheck
            }

            order.RecordRefund(last, part, payment.TransactionId!, now, by, why, eventId, client);
            await state.WriteStateAsync();
            if (eventId is not null && last.Status != PaymentStatus.Approved)
            {
                break;
            }
        }

        return last;
    }

    /// <summary>A change's refund row: what is not back yet goes back under keys derived from the order and the change.</summary>
    private async Task RunChangeRefundAsync(Order order, WorkflowEvent row)
    {
        var change = order.ChangeRefundedBy(row);
        var last = await RefundThroughProviderAsync(order, order.RefundLeft(row), $"{Number}:{row.Id}", EnglishWording.Description(row), change.By, row.Id);
        order.FinishChangeRefund(row.Id, last?.Status ?? PaymentStatus.Approved, last?.DeclineReason, clock.GetUtcNow());
    }

    public async Task<Order> PrepayAsync(decimal? amount, string? cardToken, ClientRequest? request, string by)
    {
        var order = Current;
        if (order.Answered(request))
        {
            return order; // the same prepayment asked again: its first answer
        }

        var offerAllows = OrderRules.Allows(order.Status, OrderAction.Prepay)
            && (await GrainFactory.GetGrain<IOfferGrain>(order.OfferId).GetAsync())?.Value.PrepaymentAllowed == true;
        var charge = order.PrepaymentAsked(amount, cardToken, offerAllows, request);
        if (request is null)
        {
            await state.WriteStateAsync(); // a keyless attempt is on record before the provider hears of it
        }

        var result = await payments.ChargeAsync(charge);
        if (result.Status == PaymentStatus.Unknown)
        {
            result = await payments.LookupAsync(order.PaymentProvider, charge.IdempotencyKey) ?? result;
        }

        switch (result.Status)
        {
            case PaymentStatus.Approved:
                order.RecordPrepayment(result, amount!.Value, clock.GetUtcNow(), by, request);
                await SaveAndRunDueWorkAsync();
                return Current;
            case PaymentStatus.Unknown:
                throw new DomainException(ProblemKind.Unavailable, "The payment provider did not answer", "Retry with the same Idempotency-Key: the card is never charged twice.");
            default:
                throw new DomainException(ProblemKind.PaymentDeclined, "Payment declined", $"The card was declined: {result.DeclineReason} ({result.DeclineCode}). Nothing was recorded.");
        }
    }

    /// <summary>A tick reconciles: runs what is due, writes the row, arms for the next item.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Armed.TickArrived();
        return DeriveAsync();
    }

    /// <summary>Nothing derives from an order that was never stored; a stored one gets its due work, row and reminder.</summary>
    protected override Task ReconcileAsync() => state.State.Order is null ? Task.CompletedTask : DeriveAsync();

    private async Task<Order> ChangeAsync(Action<Order> change)
    {
        change(Current);
        await SaveAndRunDueWorkAsync();
        return Current;
    }

    /// <summary>Persists a change, then puts in place everything derived from it.</summary>
    private async Task SaveAndRunDueWorkAsync()
    {
        await WriteVersionAsync();
        await DeriveAsync();
    }

    /// <summary>Stores the next version of the order, with its reminder planned for it (armed after the write).</summary>
    private Task WriteVersionAsync()
    {
        state.State.Version++;
        scheduler.Plan(state.State.Armed, state.State.Order?.NextDue());
        return state.WriteStateAsync();
    }

    /// <summary>
    /// What derives from the stored order: every workflow step already due run (the round persisted once, see
    /// <see cref="RunDueWorkAsync"/>), the index
    /// row at the state's version (once per version and activation), the reminder armed for the next item (written
    /// only when that moved; checked once by an activation that did not write it).
    /// </summary>
    private async Task DeriveAsync()
    {
        if (state.State.Order is { } order)
        {
            await RunDueWorkAsync(order);
            await AnnounceAsync(order);
            if (indexedVersion != state.State.Version)
            {
                await directory.UpsertAsync(Entry(order, state.State.Version));
                indexedVersion = state.State.Version;
            }
        }

        scheduler.Plan(state.State.Armed, state.State.Order?.NextDue());
        await scheduler.ArmAsPlannedAsync(this, state.State.Armed);
        if (state.State.Order is not null)
        {
            MarkReconciled();
        }
    }

    /// <summary>
    /// Runs every step already due, then stores the round once. A charge stores its intent before the provider hears of
    /// it (<see cref="RunChargeAsync"/>); its answer is stored with the round, and a crash before that is healed by asking
    /// the provider under the same key. A round whose every step handed the order's own email to the outbox, still
    /// queued there, stores nothing: the outbox holds each under a key derived from the order and the row, a repeat is
    /// answered from that record, and the outbox's report after its attempt is the write that records it.
    /// </summary>
    private async Task RunDueWorkAsync(Order order)
    {
        var ran = false;
        var awaitsReportsOnly = true;
        for (var step = 0; step < MaxStepsPerRound; step++)
        {
            var now = clock.GetUtcNow();
            if (order.AutoCancelDue(now))
            {
                order.AutoCancel(now);
                awaitsReportsOnly = false;
            }
            else if (order.NextDueEvent(now) is { } due)
            {
                awaitsReportsOnly &= await RunAsync(order, due) == StepStored.ByTheOutboxReport;
            }
            else
            {
                break;
            }

            ran = true;
        }

        if (ran && !awaitsReportsOnly)
        {
            await WriteVersionAsync();
        }
    }

    private async Task<StepStored> RunAsync(Order order, WorkflowEvent due)
    {
        switch (due.Type)
        {
            case WorkflowEventType.Charge:
                await RunChargeAsync(order, due);
                return StepStored.WithTheRound;
            case WorkflowEventType.Email:
                return await RunEmailAsync(order, due);
            case WorkflowEventType.Refund:
                await RunChangeRefundAsync(order, due);
                return StepStored.WithTheRound;
            default:
                return StepStored.WithTheRound;
        }
    }

    private async Task RunChargeAsync(Order order, WorkflowEvent charge)
    {
        var now = clock.GetUtcNow();
        if (!order.AcceptsNewCharges())
        {
            // A charge left in doubt on an order closed since: only ask the provider, never charge anew.
            var known = await payments.LookupAsync(order.PaymentProvider, order.ChargeKey(charge));
            if (known is null)
            {
                order.DropUnsentCharge(charge.Id, now);
            }
            else
            {
                order.RecordCharge(charge.Id, known, now);
            }

            return;
        }

        if (!order.AutoPaymentsEnabled)
        {
            order.HoldCharges(now, OrderWording.HeldAutoPaymentsOff.With());
            return;
        }

        // Intent first: the attempt is on record before the provider hears of it.
        order.NoteChargeAttempt(charge.Id);
        await state.WriteStateAsync();
        var result = await ChargeOrLookupAsync(order, charge);
        order.RecordCharge(charge.Id, result, clock.GetUtcNow());
        LogCharge(logger, Number, charge.Id, result.Status);
    }

    /// <summary>Charges under the event's key; an earlier attempt or an unknown outcome is resolved by asking with the same key.</summary>
    private async Task<PaymentResult> ChargeOrLookupAsync(Order order, WorkflowEvent charge)
    {
        var key = order.ChargeKey(charge);
        if (charge.Attempts > 1 && await payments.LookupAsync(order.PaymentProvider, key) is { Status: not PaymentStatus.Unknown } earlier)
        {
            return earlier;
        }

        var result = await payments.ChargeAsync(order.ChargeRequestFor(charge, EnglishWording.Render));
        if (result.Status == PaymentStatus.Unknown)
        {
            result = await payments.LookupAsync(order.PaymentProvider, key) ?? result;
        }

        return result;
    }

    private static OrderEntry Entry(Order o, long version) => new(
        o.Number, o.Customer.Id, o.Customer.Name, o.Customer.Email, o.Customer.Phone, o.Status, o.Currency, o.Total(), o.IsTrial, o.PlacedAt, o.MainOrderNumber, version,
        o.NextDue());

    private static string Reason(string? reason, string fallback)
    {
        var v = new Validator();
        v.Text("reason", reason, Validator.ShortTextMaxLength);
        v.ThrowIfInvalid();
        return string.IsNullOrWhiteSpace(reason) ? fallback : CardNumbers.Redact(reason.Trim());
    }

    private static string? OptionalReason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : Reason(reason, "");

    private static DomainException Unknown(string field, string message) =>
        DomainException.Invalid(new Dictionary<string, string[]> { [field] = [message] });

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Order} charge {Event}: {Status}")]
    private static partial void LogCharge(ILogger logger, string order, string @event, PaymentStatus status);
}
