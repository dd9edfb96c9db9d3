using OrleansCrm.Grains.Telemetry;
using OrleansCrm.Contracts.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Domain.Messaging.Templates;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Contracts.Wallboard;

namespace OrleansCrm.Grains.Calls;

/// <summary>
/// A call attempt, and the process manager of its outcome. An open call lives in memory until its draft is first
/// saved (a start that is never followed up costs no write; lost with its silo, it ends like a timed-out call:
/// nothing kept, the contact back in the queue when its lease runs out). Confirming an outcome is intent → effects
/// → record: the decided outcome is stored on the call with its due work armed before any effect happens, then the
/// effects run — each keyed by the call, so running them again repeats none — and the call is stored Confirmed.
/// A crash in between leaves the intent stored: the agent's retry, the call's due work or any other way into the
/// grain finishes it. Every way in also puts back what derives from the state: the call's index row at the state's
/// version and the due work the state wants.
/// An open call stays in memory until it times out; an ended one leaves memory after a few idle minutes
/// (a call center starts hundreds of calls a minute, and an ended call is rarely read again).
/// </summary>
[CollectionAgeLimit(Minutes = 5)]
public sealed class CallGrain(
    [FromKeyedServices(StorageNames.Crm)] IGrainStorage storage,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    IEmailOutbox outbox,
    ISmsOutbox smsOutbox,
    ICallDirectory directory,
    IRecordingStore recordings,
    ILinkedOrderIndex links,
    Domain.Shop.ShopStores stores,
    IOptions<CallOptions> options)
    : Grain, ICallGrain, IRemindable
{
    private Campaign? campaign;
    private LazyGrainState<CallState> state = null!;

    /// <summary>The state version this activation stored in the call index (null: not known to be there).</summary>
    private long? indexedVersion;

    /// <summary>The state version this activation stored in the link index (null: not known to be there).</summary>
    private long? linkIndexedVersion;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new LazyGrainState<CallState>(storage, StorageNames.CallState, this.GetGrainId());
        return Task.CompletedTask;
    }

    private string CallId => this.GetPrimaryKeyString();

    /// <summary>The wallboard's view of who is on a call: told one-way when a call starts and ends.</summary>
    private IAgentActivityGrain Activity => GrainFactory.GetGrain<IAgentActivityGrain>(IAgentActivityGrain.Key);

    private CallAttempt Current => state.State.Call ?? throw DomainException.NotFound("Call", CallId);

    /// <summary>Starts the call. Its id is fresh (random, made by the API), so nothing is read from storage first.</summary>
    public async Task<CallAttempt> StartAsync(StartCall request, Actor by)
    {
        if (state.State.Call is { } existing)
        {
            return existing;
        }

        state.StartNew();
        state.State.Armed = ArmedDueWork.NoneYet();

        request.Check();
        campaign = (await GrainFactory.GetGrain<ICampaignGrain>(request.CampaignId!).GetAsync())?.Value
            ?? throw Unknown("campaignId", $"There is no campaign '{request.CampaignId}'.");

        var order = request.OrderNumber is null ? null : await FindOrderAsync(request.OrderNumber, request.TaskId);
        var dialer = GrainFactory.GetGrain<IDialerGrain>(request.CampaignId!);
        DialerHandOut handOut;
        if (request.LeaseId is not null)
        {
            handOut = await dialer.StartCallAsync(request.LeaseId, request.AgentId, CallId);
        }
        else
        {
            var contactId = await ContactToCallAsync(request.CampaignId!, request.ContactId, request.CustomerId ?? order?.Customer.Id, order?.Number);
            handOut = await dialer.StartDirectCallAsync(contactId, request.AgentId, CallId);
        }

        var contact = handOut.Contact;
        if (request.LeaseId is null && !request.Inbound && await DoNotCall.List(GrainFactory).GetAsync(contact.Phone) is { } blocked)
        {
            await dialer.ReleaseAsync(contact.ContactId, CallId);
            throw DomainException.Conflict("Number blocked", $"{contact.Phone} is blocked ({blocked.Reason}) since {blocked.At:O}; it is never called. Inbound calls from it are still taken.");
        }

        state.State.Call = CallAttempt.Start(CallId, request, handOut, order, by.UserId, clock.GetUtcNow(), options.Value.OpenCallTimeout);
        _ = Activity.CallStartedAsync(Current.AgentId, CallId, Current.CampaignId, Current.StartedAt);

        // Until its draft is saved the call exists only here: it must not be collected while it can still end.
        DelayDeactivation(options.Value.OpenCallTimeout);
        return Current;
    }

    public async Task<CallAttempt?> GetAsync()
    {
        await EnterAsync();
        return state.State.Call;
    }

    public async Task<CallAttempt> SeeAsync(Actor by) => await CallForAsync(CallUse.Read, by);

    public async Task<CallAttempt> CheckCanHearRecordingAsync(Actor by) => await CallForAsync(CallUse.HearRecording, by);

    private async Task<CallAttempt> CallForAsync(CallUse use, Actor by)
    {
        await EnterAsync();
        CallAccess.Check(Current, use, by.UserId, by.IsAgent, by.IsAdmin);
        return Current;
    }

    public async Task<CallAttempt> SaveDraftAsync(CallDraft draft, Actor by)
    {
        var call = await OpenCallOfAsync(by, "take a draft");
        var (heldBefore, holdNow) = (call.SlotAgent, call.SlotAgentOf(draft));
        if (holdNow is not null)
        {
            await GrainFactory.GetGrain<IAgentGrain>(holdNow).HoldAsync(draft.Appointment!.Start!.Value, CallId, call.TimesOutAt);
        }

        if (heldBefore is not null && heldBefore != holdNow)
        {
            await GrainFactory.GetGrain<IAgentGrain>(heldBefore).ReleaseHoldAsync(CallId);
        }

        call.SaveDraft(draft, clock.GetUtcNow(), by.UserId);
        await SaveAsync();
        return call;
    }

    public async Task CheckCanRecordAsync(Actor by) => await OpenCallOfAsync(by, "take a recording");

    public async Task<CallAttempt> AttachRecordingAsync(CallRecording recording, Actor by)
    {
        var call = await OpenCallOfAsync(by, "take a recording");
        call.AttachRecording(recording);
        await SaveAsync();
        return call;
    }

    /// <summary>
    /// Confirms the outcome: the decision is stored as the call's intent, then carried out. A retry of a confirmation
    /// that failed halfway finishes the stored intent on the way in and answers the confirmed call; confirming a call
    /// that is already confirmed stays a conflict (its index row and due work are put back on the way in all the same).
    /// </summary>
    public async Task<CallAttempt> ConfirmOutcomeAsync(OutcomeRequest request, Actor by)
    {
        await state.LoadAsync();
        if (state.State.PendingOutcome is not null)
        {
            CallAccess.Check(Current, CallUse.Work, by.UserId, by.IsAgent, by.IsAdmin);
            await FinishOutcomeAsync(refusalAbandons: false);
            return Current;
        }

        var call = await OpenCallOfAsync(by, "take an outcome");
        var now = clock.GetUtcNow();
        campaign ??= (await GrainFactory.GetGrain<ICampaignGrain>(call.CampaignId).GetAsync())?.Value
            ?? throw DomainException.Conflict("The campaign is gone", $"Campaign '{call.CampaignId}' no longer exists.");
        var decision = OutcomeRules.Decide(campaign, call, request, now, options.Value.CallbackHorizon);
        OutcomeMessages.CheckCanBeSent(call);
        if (call.Draft.Message?.TemplateId is { } picked)
        {
            OutcomeMessages.CheckPickedTemplate(call, Versioned(await GrainFactory.GetGrain<IMessageTemplatesGrain>(call.CampaignId).GetAsync(picked)));
        }

        await RecordIntentAsync(new OutcomeIntent(decision, now, by.UserId));
        await FinishOutcomeAsync(refusalAbandons: true);
        return call;
    }

    public async Task<CallAttempt> DiscardAsync(Actor by)
    {
        await OpenCallOfAsync(by, "be discarded");
        await ReleaseAsync(timedOut: false);
        return Current;
    }

    public async Task<CallAttempt> LinkOrderAsync(string? orderId, Actor by)
    {
        await EnterAsync();
        Current.LinkOrder(orderId, clock.GetUtcNow(), by.UserId, by.IsAdmin);
        await SaveAsync();
        return Current;
    }

    public async Task<CallAttempt> LinkOrderInStoreAsync(string storeCode, string incrementId, Actor by)
    {
        await EnterAsync();
        Current.LinkOrder(incrementId, clock.GetUtcNow(), by.UserId, by.IsAdmin, storeCode);
        await SaveAsync();
        return Current;
    }

    public async Task<bool> RecordLinkVerdictAsync(Domain.Shop.LinkJudgement judgement)
    {
        await EnterAsync();
        if (state.State.Call is not { } call || !state.RecordExists || !call.RecordLinkVerdict(judgement))
        {
            return false;
        }

        await SaveAsync();
        return true;
    }

    /// <summary>The call's due work: an outcome left unfinished is finished, a call still open past its timeout released.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await state.LoadAsync();
        state.State.Armed.TickArrived();
        await EnterAsync();
    }

    /// <summary>Every way into the grain: load, finish what the state says is unfinished, put back what derives from it.</summary>
    private async Task EnterAsync()
    {
        await state.LoadAsync();
        if (state.State.PendingOutcome is not null)
        {
            await FinishOutcomeAsync(refusalAbandons: false);
            return;
        }

        await TimeOutIfDueAsync();
        await ReconcileAsync();
    }

    /// <summary>The index row at the state's version and the due work the state wants; each is done once per activation and change.</summary>
    private async Task ReconcileAsync()
    {
        if (state.State.Call is { Status: CallStatus.Confirmed } call && state.RecordExists && indexedVersion != state.State.Version)
        {
            await directory.UpsertAsync(Entry(call));
            indexedVersion = state.State.Version;
        }

        if (state.State.Call is { } linked && state.RecordExists && linkIndexedVersion != state.State.Version && LinkEntryOf(linked) is { } link)
        {
            await links.UpsertAsync(link);
            linkIndexedVersion = state.State.Version;
        }

        scheduler.Plan(state.State.Armed, state.RecordExists ? DueWorkAt() : null);
        await scheduler.ArmAsPlannedAsync(this, state.State.Armed);
    }

    /// <summary>When the call, once stored, wants its due work: at once for an outcome to finish, at the timeout for an open call; else never.</summary>
    private DateTimeOffset? DueWorkAt() =>
        state.State.PendingOutcome is { } pending ? pending.At
        : state.State.Call is { IsOpen: true } open ? open.TimesOutAt
        : null;

    private async Task<CallAttempt> OpenCallOfAsync(Actor by, string action)
    {
        await EnterAsync();
        var call = Current;
        CallAccess.Check(call, CallUse.Work, by.UserId, by.IsAgent, by.IsAdmin);
        call.EnsureOpen(action);
        return call;
    }

    private async Task TimeOutIfDueAsync()
    {
        if (state.State.Call is { IsOpen: true } call && clock.GetUtcNow() >= call.TimesOutAt)
        {
            await ReleaseAsync(timedOut: true);
        }
    }

    /// <summary>
    /// Stores the outcome as the call's intent and arms the call's due work with it, before any effect happens. A call
    /// never stored before that fails to store its intent stays as it was, open in memory.
    /// </summary>
    private async Task RecordIntentAsync(OutcomeIntent intent)
    {
        state.State.PendingOutcome = intent;
        try
        {
            await SaveAsync(armWhileWriting: true);
        }
        catch when (!state.RecordExists)
        {
            state.State.PendingOutcome = null;
            throw;
        }
    }

    /// <summary>
    /// Carries out the stored intent: the effects, each keyed by this call, the contact, the message; then stores the
    /// call Confirmed, indexes it and disarms its due work. An effect refused (the slot was taken, the order cannot be
    /// cancelled) refuses the outcome when <paramref name="refusalAbandons"/>: nothing else happened, the intent is
    /// dropped and the call stays open.
    /// </summary>
    private async Task FinishOutcomeAsync(bool refusalAbandons)
    {
        var call = Current;
        var intent = state.State.PendingOutcome!;
        var (decision, now) = (intent.Decision, intent.At);
        var by = new Actor(intent.By, IsAgent: false, IsAdmin: false);

        string? bookingId = null, protocol = null, newOrder = null;
        try
        {
            switch (decision.Effect)
            {
                case OutcomeEffect.Appointment:
                    bookingId = (await BookAsync(call, by)).Id;
                    break;
                case OutcomeEffect.Contract:
                    protocol = await CloseContractAsync(call, now);
                    break;
                case OutcomeEffect.Refusal when call.OrderNumber is not null:
                    await CancelOrderAsync(call.OrderNumber, by, CallNotes.RefusalOn(CallId, decision.Comment));
                    break;
                case OutcomeEffect.AlreadyPaid when call.OrderNumber is not null:
                    await GrainFactory.GetGrain<IOrderGrain>(call.OrderNumber).MarkAlreadyPaidAsync(CallId, decision.Comment, by.UserId);
                    break;
                case OutcomeEffect.InvalidContact:
                    await DoNotCall.List(GrainFactory).BlockWithWordingAsync(call.Phone, BlockReason.InvalidNumber, CallNotes.InvalidContactOn(CallId), by.UserId);
                    break;
            }

            if (decision.Invoice is { } invoice)
            {
                newOrder = await InvoiceAsync(call, invoice, by);
            }
        }
        catch (DomainException) when (refusalAbandons)
        {
            state.State.PendingOutcome = null;
            await SaveAsync();
            throw;
        }

        if (decision.Effect != OutcomeEffect.Appointment && call.SlotAgent is { } slotAgent)
        {
            await GrainFactory.GetGrain<IAgentGrain>(slotAgent).ReleaseHoldAsync(CallId);
        }

        var contact = await GrainFactory.GetGrain<IContactGrain>(ContactKeys.For(call.CampaignId, call.ContactId)).RecordOutcomeAsync(CallId, decision, call.AgentId, now);
        var messageSent = await SendMessagesAsync(call, decision, contact.Attempts);

        call.Confirm(intent, new OutcomeResults(bookingId, protocol, newOrder, messageSent));
        state.State.PendingOutcome = null;
        await SaveAsync();
        CrmMetrics.OutcomeConfirmed(decision.Outcome.Type);
        _ = Activity.CallEndedAsync(call.AgentId, CallId, call.CampaignId, call.EndedAt ?? now, confirmed: true);
        DelayDeactivation(TimeSpan.Zero); // ended and stored: the regular collection may take it
    }

    /// <summary>Discard or timeout: the held slot, the lease and the recording go; nothing of the draft is kept.</summary>
    private async Task ReleaseAsync(bool timedOut)
    {
        var call = Current;
        if (call.SlotAgent is { } slotAgent)
        {
            await GrainFactory.GetGrain<IAgentGrain>(slotAgent).ReleaseHoldAsync(CallId);
        }

        await GrainFactory.GetGrain<IDialerGrain>(call.CampaignId).ReleaseAsync(call.ContactId, CallId);
        if (call.Recording is not null)
        {
            await recordings.DeleteAsync(CallId);
        }

        call.Discard(clock.GetUtcNow(), timedOut);
        if (state.RecordExists)
        {
            await SaveAsync();
        }

        _ = Activity.CallEndedAsync(call.AgentId, CallId, call.CampaignId, call.EndedAt ?? clock.GetUtcNow(), confirmed: false);

        // Ended: stored, or nothing of it kept; the regular collection may take it.
        DelayDeactivation(TimeSpan.Zero);
    }

    /// <summary>
    /// Stores the call, then puts back what derives from it (its index row, its due work). A write that fails leaves
    /// this activation ahead of storage: it is dropped, and the next call reads what was stored (a call never stored
    /// exists only here and stays). An intent's due work is armed while it is written (<paramref name="armWhileWriting"/>):
    /// both hold before the first effect, and a reminder armed for a write that failed finds nothing to do.
    /// </summary>
    private async Task SaveAsync(bool armWhileWriting = false)
    {
        state.State.DueWorkArmed = state.State.PendingOutcome is not null || Current.IsOpen;
        state.State.Version++;
        scheduler.Plan(state.State.Armed, DueWorkAt());
        try
        {
            await Task.WhenAll(state.WriteStateAsync(), armWhileWriting ? scheduler.ArmAsPlannedAsync(this, state.State.Armed) : Task.CompletedTask);
        }
        catch (Exception ex)
        {
            if (state.RecordExists || ex is InconsistentStateException)
            {
                DeactivateOnIdle();
            }

            throw;
        }

        await ReconcileAsync();
    }

    private async Task<Booking> BookAsync(CallAttempt call, Actor by) =>
        await GrainFactory.GetGrain<IAgentGrain>(call.SlotAgent!).BookAsync(call.AppointmentBooking(by.UserId));

    private async Task<string> CloseContractAsync(CallAttempt call, DateTimeOffset now)
    {
        if (state.State.PendingProtocol is null)
        {
            var next = await GrainFactory.GetGrain<ISequenceGrain>(SequenceNames.Contracts).NextAsync();
            state.State.PendingProtocol = Contract.ProtocolNumber(next);
            await state.WriteStateAsync();
        }

        var contract = call.ContractUnder(state.State.PendingProtocol, now);
        return (await GrainFactory.GetGrain<IContractGrain>(state.State.PendingProtocol).CreateAsync(contract)).Protocol;
    }

    private async Task CancelOrderAsync(string orderNumber, Actor by, Wording reason)
    {
        var grain = GrainFactory.GetGrain<IOrderGrain>(orderNumber);
        var order = await grain.GetAsync() ?? throw DomainException.Conflict("The order is gone", $"Order {orderNumber} no longer exists.");
        if (order.Status != OrderStatus.Cancelled)
        {
            await grain.CancelForAsync(reason, by.UserId);
        }
    }

    /// <summary>"Save and create invoice": a new order for the same items beside the old one; "replace" also cancels the old one.</summary>
    private async Task<string> InvoiceAsync(CallAttempt call, InvoiceAction action, Actor by)
    {
        var old = await GrainFactory.GetGrain<IOrderGrain>(call.OrderNumber!).GetAsync()
            ?? throw DomainException.Conflict("The order is gone", $"Order {call.OrderNumber} no longer exists.");
        var invoice = new CallInvoice(CallId, action, old);
        invoice.CheckOldCanBeCancelled();
        var placed = await GrainFactory.GetGrain<IIdempotentOrderGrain>(invoice.OnceKey)
            .PlaceOrderOnceAsync(invoice.NewOrder(), new ClientRequest(invoice.OnceKey, invoice.Reference), by.UserId);
        var number = placed.Number;
        if (invoice.CancelsOld)
        {
            await GrainFactory.GetGrain<IOrderGrain>(old.Number).CancelForAsync(invoice.ReplacedBy(number), by.UserId);
        }

        return number;
    }

    /// <summary>
    /// The outcome's messages, each keyed by this call (a retry repeats the keys, and the outbox sends each once): the
    /// draft's message with its manager copy, then the campaign's templates on the outcome trigger that hold for this
    /// outcome on the contact's <paramref name="attempt"/>. Whether the draft's message went is what the outcome records.
    /// </summary>
    private async Task<bool> SendMessagesAsync(CallAttempt call, OutcomeDecision decision, int attempt)
    {
        var all = await GrainFactory.GetGrain<IMessageTemplatesGrain>(call.CampaignId).ListAsync();
        IReadOnlyList<VersionedTemplate> templates = [.. all.Select(t => Versioned(t)!)];
        var picked = call.Draft.Message?.TemplateId is { } id ? templates.FirstOrDefault(t => t.Id == id) : null;
        var sent = await SendMessageAsync(call, decision, picked);
        if (!OutcomeMessages.HasOutcomeTemplates(templates))
        {
            return sent;
        }

        var facts = await FactsAsync(call, decision, attempt);
        foreach (var m in OutcomeMessages.FromTemplates(call, templates, facts))
        {
            var about = OutcomeMessages.ContextOf(call, templates.First(t => t.Id == m.TemplateId));
            if (m.Channel == MessageChannels.Sms)
            {
                await smsOutbox.SendAsync(new SmsMessage(m.Key, m.To, m.Text, SmsKind.Automated, call.TimeZone, Context: about, Sender: m.Sender, CampaignId: call.CampaignId));
            }
            else
            {
                var toName = string.Equals(m.To, call.Email, StringComparison.OrdinalIgnoreCase) ? call.ContactName : null;
                await outbox.SendAsync(new EmailMessage(m.Key, m.To, toName, m.Subject ?? "", m.Text, m.Html, Context: about));
            }
        }

        return sent;
    }

    /// <summary>What an outcome's templates may say: the call, the outcome on the contact's attempt number, the agent, the campaign, and the customer on file (phone, country, personal manager).</summary>
    private async Task<MessageFacts> FactsAsync(CallAttempt call, OutcomeDecision decision, int attempt)
    {
        campaign ??= (await GrainFactory.GetGrain<ICampaignGrain>(call.CampaignId).GetAsync())?.Value;
        var facts = new MessageFactsBuilder().Campaign(call.CampaignId, campaign?.Name).Call(call)
            .Agent(call.AgentId, await GrainFactory.GetGrain<IAgentGrain>(call.AgentId).GetProfileAsync());
        if (call.CustomerId is { } customerId && await GrainFactory.GetGrain<ICustomerGrain>(customerId).GetAsync() is { } customer)
        {
            facts.Customer(customer);
            if (customer.Profile.PersonalManager is { } manager)
            {
                facts.Manager(await GrainFactory.GetGrain<IAgentGrain>(manager).GetProfileAsync());
            }
        }

        return facts.Outcome(decision, attempt).Build();
    }

    private static VersionedTemplate? Versioned(Stored<MessageTemplate>? stored) => stored is null ? null : new VersionedTemplate(stored.Id, stored.Version, stored.Value);

    /// <summary>The draft's message to the customer, and its copy to the customer's manager (or, without one, to the calling agent).</summary>
    private async Task<bool> SendMessageAsync(CallAttempt call, OutcomeDecision decision, VersionedTemplate? picked)
    {
        if (OutcomeMessages.ToCustomer(call, picked) is not { } message)
        {
            return false;
        }

        await outbox.SendAsync(message);
        if (OutcomeMessages.WantsManagerCopy(call))
        {
            var personal = call.CustomerId is null ? null : (await GrainFactory.GetGrain<ICustomerGrain>(call.CustomerId).GetAsync())?.Profile.PersonalManager;
            var manager = OutcomeMessages.ManagerOf(call, personal);
            if ((await GrainFactory.GetGrain<IAgentGrain>(manager).GetProfileAsync()).Email is { } managerEmail)
            {
                await outbox.SendAsync(OutcomeMessages.ManagerCopy(call, managerEmail, decision.Outcome.Code!));
            }
        }

        return true;
    }

    private async Task<Order> FindOrderAsync(string orderNumber, string? taskId)
    {
        var order = await GrainFactory.GetGrain<IOrderGrain>(orderNumber).GetAsync() ?? throw Unknown("orderNumber", $"There is no order '{orderNumber}'.");
        if (taskId is not null && order.Tasks.All(t => t.Id != taskId))
        {
            throw Unknown("taskId", $"Order {orderNumber} has no task '{taskId}'.");
        }

        return order;
    }

    /// <summary>
    /// The contact a direct call is on: the one named, when the campaign has it; otherwise the customer's own contact,
    /// keyed by the customer id (a client-made id never makes a second contact for one customer).
    /// </summary>
    private async Task<string> ContactToCallAsync(string campaignId, string? contactId, string? customerId, string? orderNumber)
    {
        if (contactId is not null && await GrainFactory.GetGrain<IContactGrain>(ContactKeys.For(campaignId, contactId)).GetAsync() is not null)
        {
            return contactId;
        }

        if (customerId is null)
        {
            throw Unknown("contactId", $"There is no contact '{contactId}' in campaign '{campaignId}'.");
        }

        await EnsureContactAsync(campaignId, customerId, orderNumber, contactId);
        return customerId;
    }

    /// <summary>A customer called directly becomes a contact of the campaign (not queued for the dialer until an outcome says so).</summary>
    private async Task EnsureContactAsync(string campaignId, string customerId, string? orderNumber, string? namedContact)
    {
        var grain = GrainFactory.GetGrain<IContactGrain>(ContactKeys.For(campaignId, customerId));
        if (await grain.GetAsync() is not null)
        {
            return;
        }

        var customer = await GrainFactory.GetGrain<ICustomerGrain>(customerId).GetAsync();
        if (customer is null)
        {
            throw Unknown("customerId", $"There is no {(namedContact is null ? "" : $"contact '{namedContact}' in campaign '{campaignId}' and no ")}customer '{customerId}'.");
        }

        var contact = DialerContact.CalledDirectly(campaignId, customerId, customer.Id, customer.Profile, orderNumber, clock.GetUtcNow());
        if (!await grain.CreateAsync(contact))
        {
            contact = (await grain.GetAsync())!;
        }

        await GrainFactory.GetGrain<IDialerGrain>(campaignId).ContactChangedAsync(contact);
    }

    private CallEntry Entry(CallAttempt call) => new(
        call.Id, call.CampaignId, call.ContactId, call.CustomerId, call.OrderNumber, call.TaskId, call.AgentId, call.Direction.ToString(), call.Attempt,
        call.StartedAt, call.EndedAt, call.Status.ToString(), call.Outcome?.Code, call.Outcome?.Label, call.Outcome?.Type, call.Outcome?.Color, call.Outcome?.Comment, state.State.Version);

    /// <summary>
    /// The call's row in the link index: its link, or (a discarded call's link is gone) a removed row when this
    /// activation indexed one (an open call stays in memory until it ends, so the activation that linked is the one that discards).
    /// </summary>
    private LinkEntry? LinkEntryOf(CallAttempt call) => call.LinkedOrder is { } link
        ? new LinkEntry(
            call.Id, link.StoreCode ?? DefaultStoreCode, link.OrderId, call.AgentId, call.CampaignId, call.Direction.ToString(), call.StartedAt, call.EndedAt,
            link.Status.ToString(), link.SetAt, link.JudgedIncrementId, Removed: false, state.State.Version)
        : call.Status is CallStatus.Discarded or CallStatus.TimedOut && linkIndexedVersion is not null
            ? new LinkEntry(call.Id, DefaultStoreCode, "-", call.AgentId, call.CampaignId, call.Direction.ToString(), call.StartedAt, call.EndedAt, "Removed", call.StartedAt, null, Removed: true, state.State.Version)
            : null;

    private string DefaultStoreCode => stores.DefaultStore.Code;

    private static DomainException Unknown(string field, string message) =>
        DomainException.Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
