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

    public DateTimeOffset? EndedAt { get; set; }

    public CallStatus Status { get; set; }

    public CallDraft Draft { get; set; } = CallDraft.Empty;

    public CallRecording? Recording { get; set; }

    public LinkedOrder? LinkedOrder { get; set; }

    public ConfirmedOutcome? Outcome { get; set; }

    public bool IsOpen => Status == CallStatus.Open;

    public void EnsureOpen(string action)
    {
        if (!IsOpen)
        {
            throw DomainException.Conflict("The call is not open", $"Call '{Id}' is {Status}; only an open call can {action}.");
        }
    }

    /// <summary>Replaces the draft; a linked order id in it is recorded pending validation.</summary>
    public void SaveDraft(CallDraft draft, DateTimeOffset now, string by)
    {
        EnsureOpen("take a draft");
        Draft = draft.Validated();
        if (Draft.LinkedOrderId is { } orderId && LinkedOrder?.OrderId != orderId)
        {
            LinkedOrder = new LinkedOrder(orderId, LinkStatus.PendingValidation, now, by);
        }
    }

    /// <summary>The web-shop order id, during or after the call: only the call's author (or an admin, checked by the caller) changes it.</summary>
    public void LinkOrder(string? orderId, DateTimeOffset now, string by, bool isAdmin)
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
        LinkedOrder = new LinkedOrder(orderId!, LinkStatus.PendingValidation, now, by);
        if (IsOpen)
        {
            Draft = Draft with { LinkedOrderId = orderId };
        }
    }

    public void AttachRecording(CallRecording recording)
    {
        EnsureOpen("take a recording");
        Recording = recording;
    }

    /// <summary>Commits the draft with the outcome: the call ends Confirmed.</summary>
    public void Confirm(ConfirmedOutcome outcome, DateTimeOffset now)
    {
        EnsureOpen("take an outcome");
        Outcome = outcome;
        EndedAt = now;
        Status = CallStatus.Confirmed;
    }

    /// <summary>STOP/CLOSE, or the open-call timeout: nothing of the draft is kept.</summary>
    public void Discard(DateTimeOffset now, bool timedOut)
    {
        EnsureOpen("be discarded");
        Draft = CallDraft.Empty;
        Recording = null;
        LinkedOrder = null;
        EndedAt = now;
        Status = timedOut ? CallStatus.TimedOut : CallStatus.Discarded;
    }
}
