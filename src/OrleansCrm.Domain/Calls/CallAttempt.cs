using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

public enum CallStatus
{
    Open,
    Confirmed,
    Discarded,
    TimedOut,
}

public enum CallDirection
{
    Outbound,
    Inbound,
}

/// <summary>Whether a callback is the agent's own (private) or for anyone in the campaign (public).</summary>
public enum CallbackVisibility
{
    Private,
    Public,
}

/// <summary>What "conversation completed" does to the call's order: a new invoice beside it, or the old order cancelled and a new one made.</summary>
public enum InvoiceAction
{
    New,
    Replace,
}

/// <summary>A linked web-shop order id starts pending validation (the nightly validation decides).</summary>
public enum LinkStatus
{
    PendingValidation,
    Valid,
    Invalid,
}

/// <summary>A cart line of a close-online outcome, priced in the cart's currency.</summary>
public sealed record CartLine(string? Product, int? Quantity, decimal? UnitPrice);

/// <summary>What the customer agreed to buy on the call; a close-online (C) outcome turns it into a contract.</summary>
public sealed record Cart(string? Currency, IReadOnlyList<CartLine>? Lines)
{
    public const int MaxLines = 50;

    public decimal Total() => (Lines ?? []).Sum(l => (l.UnitPrice ?? 0m) * (l.Quantity ?? 1));

    internal Cart Validated(Validator v, string path)
    {
        var currencyOk = v.Currency($"{path}.currency", Currency);
        var lines = Lines ?? [];
        if (lines.Count > MaxLines)
        {
            v.Add($"{path}.lines", $"may hold at most {MaxLines} lines.");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = $"{path}.lines[{i}]";
            if (!v.Required(line, lines[i]))
            {
                continue;
            }

            v.Text($"{line}.product", lines[i].Product, Validator.NameMaxLength, required: true);
            v.Range($"{line}.quantity", lines[i].Quantity ?? 1, 1, 1000);
            if (v.Required($"{line}.unitPrice", lines[i].UnitPrice) && currencyOk)
            {
                v.Amount($"{line}.unitPrice", lines[i].UnitPrice!.Value, Common.Currency.Get(Currency!));
            }
        }

        return this with
        {
            Currency = Currency?.Trim().ToUpperInvariant(),
            Lines = lines.Select(l => l is null ? l! : l with { Product = l.Product is null ? null : CardNumbers.Redact(l.Product.Trim()), Quantity = l.Quantity ?? 1 }).ToList(),
        };
    }
}

/// <summary>A slot in an agent's agenda, for an appointment (T) outcome; the agent defaults to the call's agent.</summary>
public sealed record AppointmentSlot(string? AgentId, DateTimeOffset? Start);

/// <summary>A message to the customer sent when the outcome is confirmed, with a copy to the customer's manager (or the calling agent).</summary>
public sealed record CustomerMessage([FreeText] string? Subject, [FreeText] string? Body, bool CopyToManager = true);

/// <summary>
/// What an agent builds while the call is open. Confirming an outcome commits it; discarding the call (or its
/// timeout) drops it entirely. Free text is stored with card numbers redacted.
/// </summary>
public sealed record CallDraft([FreeText] string? Notes, Cart? Cart, AppointmentSlot? Appointment, string? LinkedOrderId, CustomerMessage? Message)
{
    public const int MaxNotes = 4000;
    public const int MaxSubject = 200;
    public const int MaxBody = 10_000;

    public static CallDraft Empty { get; } = new(null, null, null, null, null);

    public CallDraft Validated()
    {
        var v = new Validator();
        v.Text("notes", Notes, MaxNotes);
        var cart = Cart?.Validated(v, "cart");
        if (Appointment is not null)
        {
            v.Id("appointment.agentId", Appointment.AgentId, required: false);
            v.Required("appointment.start", Appointment.Start);
        }

        v.Id("linkedOrderId", LinkedOrderId, required: false);
        if (Message is not null)
        {
            v.Text("message.subject", Message.Subject, MaxSubject, required: true);
            v.Text("message.body", Message.Body, MaxBody, required: true);
        }

        v.ThrowIfInvalid();
        return new CallDraft(
            Redact(Notes),
            cart,
            Appointment,
            LinkedOrderId,
            Message is null ? null : Message with { Subject = Redact(Message.Subject), Body = Redact(Message.Body) });
    }

    private static string? Redact(string? text) => text is null ? null : CardNumbers.Redact(text.Trim());
}

/// <summary>The recording of the conversation, stored beside the rest of the data.</summary>
public sealed record CallRecording(string ContentType, long Size, string Sha256, DateTimeOffset StoredAt);

/// <summary>The web-shop order id an agent entered on the call, and where its validation stands.</summary>
public sealed record LinkedOrder(string OrderId, LinkStatus Status, DateTimeOffset SetAt, string SetBy, string? Reason = null);

/// <summary>The outcome as confirmed, with everything it produced.</summary>
public sealed record ConfirmedOutcome(
    string Code,
    string Label,
    string Type,
    string Color,
    string? Comment,
    DateTimeOffset? CallbackAt,
    CallbackVisibility? CallbackVisibility,
    InvoiceAction? Invoice,
    string? BookingId,
    string? ContractProtocol,
    string? NewOrderNumber,
    bool MessageSent,
    DateTimeOffset ConfirmedAt,
    string ConfirmedBy);

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
