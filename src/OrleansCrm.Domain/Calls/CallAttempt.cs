using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// A call attempt: who called whom in which campaign, about which order or task, when, its draft while open,
/// and the outcome once confirmed. Open → Confirmed, Discarded or TimedOut; nothing else moves.
/// </summary>
public sealed class CallAttempt
{
    public required string Id { get; init; }

    public required string CampaignId { get; init; }

    public required string ContactId { get; init; }

    public string? ContactName { get; init; }

    public required string Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>The contact's time zone (their calling window, their booking reminder).</summary>
    public required string TimeZone { get; init; }

    public string? CustomerId { get; init; }

    public string? OrderNumber { get; init; }

    public string? TaskId { get; init; }

    public required string AgentId { get; init; }

    public required string StartedBy { get; init; }

    public CallDirection Direction { get; init; }

    public HandOutReason Why { get; init; }

    public int Attempt { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset TimesOutAt { get; init; }

    // What the call's own rules change: given when the call is made or read back, changed only by its methods below.
    private DateTimeOffset? endedAt;
    private CallStatus status;
    private CallDraft draft = CallDraft.Empty;
    private CallRecording? recording;
    private LinkedOrder? linkedOrder;
    private ConfirmedOutcome? outcome;

    public DateTimeOffset? EndedAt { get => endedAt; init => endedAt = value; }

    public CallStatus Status { get => status; init => status = value; }

    public CallDraft Draft { get => draft; init => draft = value; }

    public CallRecording? Recording { get => recording; init => recording = value; }

    public LinkedOrder? LinkedOrder { get => linkedOrder; init => linkedOrder = value; }

    public ConfirmedOutcome? Outcome { get => outcome; init => outcome = value; }

    public bool IsOpen => Status == CallStatus.Open;

    /// <summary>
    /// A call starts open on the contact the dialer handed out (or the one called directly), as that contact's next
    /// attempt, about the order named (else the contact's own), and times out after <paramref name="openCallTimeout"/>.
    /// </summary>
    public static CallAttempt Start(
        string id, StartCall request, DialerHandOut handOut, Orders.Order? order, string startedBy, DateTimeOffset now, TimeSpan openCallTimeout)
    {
        var contact = handOut.Contact;
        return new CallAttempt
        {
            Id = id,
            CampaignId = request.CampaignId!,
            ContactId = contact.ContactId,
            ContactName = contact.Name,
            Phone = contact.Phone,
            Email = contact.Email,
            TimeZone = contact.TimeZone,
            CustomerId = request.CustomerId ?? order?.Customer.Id ?? contact.CustomerId,
            OrderNumber = order?.Number ?? contact.OrderNumber,
            TaskId = request.TaskId,
            AgentId = request.AgentId,
            StartedBy = startedBy,
            Direction = request.Inbound ? CallDirection.Inbound : CallDirection.Outbound,
            Why = handOut.Lease.Why,
            Attempt = contact.Attempts + 1,
            StartedAt = now,
            TimesOutAt = now + openCallTimeout,
            Status = CallStatus.Open,
        };
    }

    /// <summary>The agent whose agenda the draft's appointment slot is in (the call's agent unless it names another); null without a slot.</summary>
    public string? SlotAgent => SlotAgentOf(Draft);

    /// <summary>The agent whose agenda a draft's appointment slot is in; null when the draft names no slot.</summary>
    public string? SlotAgentOf(CallDraft draft) => draft.Appointment is { Start: not null } slot ? slot.AgentId ?? AgentId : null;

    /// <summary>A T outcome books the draft's slot for the contact of the call, in the slot agent's agenda.</summary>
    public BookingRequest AppointmentBooking(string bookedBy)
    {
        var start = Draft.Appointment?.Start ?? throw new InvalidOperationException($"Call '{Id}' has no appointment slot in its draft.");
        return new BookingRequest(Id, start, CampaignId, ContactId, CustomerId, ContactName, Email, TimeZone, bookedBy, AgentId);
    }

    /// <summary>A C outcome: the draft's cart as agreed on the call, under the protocol number taken for it.</summary>
    public Contract ContractUnder(string protocol, DateTimeOffset now)
    {
        var cart = Draft.Cart ?? throw new InvalidOperationException($"Call '{Id}' has no cart in its draft.");
        return new Contract(protocol, Id, CampaignId, ContactId, CustomerId, ContactName, Phone, AgentId, cart.Currency!, cart.Lines!, cart.Total(), now);
    }

    public void EnsureOpen(string action)
    {
        if (!IsOpen)
        {
            throw DomainException.Conflict("The call is not open", $"Call '{Id}' is {Status}; only an open call can {action}.");
        }
    }

    /// <summary>Replaces the draft (as <see cref="CallDraft.Checked"/> made it); a linked order id in it is recorded pending validation.</summary>
    public void SaveDraft(CallDraft draft, DateTimeOffset now, string by)
    {
        EnsureOpen("take a draft");
        this.draft = draft;
        if (Draft.LinkedOrderId is { } orderId && LinkedOrder?.OrderId != orderId)
        {
            this.linkedOrder = new LinkedOrder(orderId, LinkStatus.PendingValidation, now, by);
        }
    }

    /// <summary>The web-shop order id, during or after the call: only the call's author (or an admin, checked by the caller) changes it.</summary>
    public void LinkOrder(string? orderId, DateTimeOffset now, string by, bool isAdmin, string? storeCode = null)
    {
        // Only being an admin matters here: a supervisor is as far from the sale as another agent.
        CallAccess.Check(this, CallUse.LinkOrder, by, isAgent: !isAdmin, isAdmin);

        if (Status is CallStatus.Discarded or CallStatus.TimedOut)
        {
            throw DomainException.Conflict("The call was discarded", $"Call '{Id}' is {Status}; nothing of it is kept.");
        }

        var v = new Validator();
        v.Id("orderId", orderId);
        v.ThrowIfInvalid();
        this.linkedOrder = new LinkedOrder(orderId!, LinkStatus.PendingValidation, now, by) { StoreCode = storeCode, History = LinkedOrder?.History ?? [] };
        if (IsOpen)
        {
            this.draft = Draft with { LinkedOrderId = orderId };
        }
    }

    /// <summary>The nightly validation's verdict on the link; false (nothing changes) when the link was edited or removed since the run read it.</summary>
    public bool RecordLinkVerdict(Shop.LinkJudgement judgement)
    {
        if (LinkedOrder is not { } link || link.SetAt != judgement.LinkSetAt)
        {
            return false;
        }

        this.linkedOrder = link.Judged(judgement);
        return true;
    }

    public void AttachRecording(CallRecording recording)
    {
        EnsureOpen("take a recording");
        this.recording = recording;
    }

    /// <summary>Commits the draft with the stored outcome and what its effects produced: the call ends Confirmed at the outcome's instant.</summary>
    public void Confirm(OutcomeIntent intent, OutcomeResults results)
    {
        var (decision, chosen) = (intent.Decision, intent.Decision.Outcome);
        Confirm(
            new ConfirmedOutcome(
                chosen.Code!, chosen.Label!, chosen.Type!.Value.ToString(), chosen.Color!, decision.Comment, decision.CallbackAt, decision.Visibility,
                decision.Invoice, results.BookingId, results.ContractProtocol, results.NewOrderNumber, results.MessageSent, intent.At, intent.By),
            intent.At);
    }

    /// <summary>Commits the draft with the outcome: the call ends Confirmed.</summary>
    public void Confirm(ConfirmedOutcome outcome, DateTimeOffset now)
    {
        EnsureOpen("take an outcome");
        this.outcome = outcome;
        this.endedAt = now;
        this.status = CallStatus.Confirmed;
    }

    /// <summary>STOP/CLOSE, or the open-call timeout: nothing of the draft is kept.</summary>
    public void Discard(DateTimeOffset now, bool timedOut)
    {
        EnsureOpen("be discarded");
        this.draft = CallDraft.Empty;
        this.recording = null;
        this.linkedOrder = null;
        this.endedAt = now;
        this.status = timedOut ? CallStatus.TimedOut : CallStatus.Discarded;
    }
}
