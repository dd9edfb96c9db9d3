using System.Text.Json.Serialization;
using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Domain.Orders;

public enum WorkflowEventType
{
    Charge,
    Email,
    Extension,

    /// <summary>Money returned through the provider for a change of the order (a discount, fewer items) after payment.</summary>
    Refund,
}

public enum WorkflowStatus
{
    Waiting,
    Completed,
    Failed,
    Cancelled,
    OnHold,
}

/// <summary>What a workflow event is for; decides how it runs and what its outcome changes.</summary>
public enum WorkflowKind
{
    ShippingCharge,
    PaymentCharge,
    ProductCharge,
    ProductChargeRetry,
    OrderConfirmation,
    TrialReminder,
    ExtensionOffer,
    PaymentConfirmation,
    PaymentFailedNotice,
    TrialExtended,
    ChangeRefund,
}

/// <summary>
/// One row of the sales workflow: something that happens (or happened) to the order at a time. Only the order's own
/// rules change a row (its setters are the domain's); a stored row comes back through the constructor.
/// </summary>
public sealed class WorkflowEvent
{
    [JsonConstructor]
    public WorkflowEvent(
        string id,
        WorkflowKind kind,
        WorkflowEventType type,
        string description,
        DateTimeOffset scheduledAt,
        WorkflowStatus status = WorkflowStatus.Waiting,
        DateTimeOffset? executedAt = null,
        string? result = null,
        decimal? amount = null,
        string? transactionId = null,
        string? recipient = null,
        string? messageId = null,
        string? declineReason = null,
        string? link = null,
        int attempts = 0,
        DateTimeOffset? recheckAt = null,
        string? after = null,
        string? resendOf = null,
        Wording? resultWording = null)
    {
        Id = id;
        Kind = kind;
        Type = type;
        Description = description;
        ScheduledAt = scheduledAt;
        Status = status;
        ExecutedAt = executedAt;
        Result = result;
        Amount = amount;
        TransactionId = transactionId;
        Recipient = recipient;
        MessageId = messageId;
        DeclineReason = declineReason;
        Link = link;
        Attempts = attempts;
        RecheckAt = recheckAt;
        After = after;
        ResendOf = resendOf;
        ResultWording = resultWording;
    }

    public string Id { get; }

    public WorkflowKind Kind { get; }

    public WorkflowEventType Type { get; }

    public string Description { get; internal set; }

    public WorkflowStatus Status { get; internal set; }

    public DateTimeOffset ScheduledAt { get; internal set; }

    public DateTimeOffset? ExecutedAt { get; internal set; }

    /// <summary>
    /// What happened, in English words, as the build before <see cref="ResultWording"/> stored it; null on a row written
    /// since. Read it only where <see cref="ResultWording"/> is null.
    /// </summary>
    public string? Result { get; private set; }

    /// <summary>What happened, as data: the amount and transaction, the recipient and message id, or the decline reason. The edge renders it.</summary>
    public Wording? ResultWording { get; private set; }

    public decimal? Amount { get; internal set; }

    public string? TransactionId { get; internal set; }

    public string? Recipient { get; internal set; }

    public string? MessageId { get; internal set; }

    public string? DeclineReason { get; internal set; }

    /// <summary>The customer's one-time extension link, on the extension-offer row.</summary>
    public string? Link { get; internal set; }

    public int Attempts { get; internal set; }

    /// <summary>Set when an attempt's outcome is unknown: ask the provider again then, with the same key.</summary>
    public DateTimeOffset? RecheckAt { get; internal set; }

    /// <summary>An event that may run only after this one completed (the payment confirmation after its charge).</summary>
    public string? After { get; }

    /// <summary>For a resent email, the row it resends.</summary>
    public string? ResendOf { get; }

    /// <summary>What an agent may do with the row: a completed email can be resent.</summary>
    /// <summary>Says what happened (or, with null, that nothing has yet); an English result of the build before is replaced.</summary>
    internal void Says(Wording? result)
    {
        ResultWording = result;
        Result = null;
    }

    public IReadOnlyList<string> Actions =>
        Type == WorkflowEventType.Email && Status == WorkflowStatus.Completed ? ["resend"] : [];
}

public enum PaymentKind
{
    Charge,
    Prepayment,
    Refund,
}

/// <summary>One row of the payment history.</summary>
public sealed record PaymentRecord(
    string Id,
    PaymentKind Kind,
    decimal Amount,
    string Currency,
    DateTimeOffset At,
    string Provider,
    string? TransactionId,
    PaymentStatus Status,
    string? EventId,
    string? DeclineReason,
    string IdempotencyKey,
    string? RefundOf = null);

/// <summary>
/// A note on the order: written by an agent (its <paramref name="Text"/>), or by the system when something changed the
/// order (its <paramref name="Wording"/>, rendered at the edge; a system note of the build before has English
/// <paramref name="Text"/> and no wording).
/// </summary>
public sealed record OrderNote(string Id, string Text, string Author, bool System, DateTimeOffset CreatedAt, Wording? Wording = null);

/// <summary>A change of status, for the order history.</summary>
public sealed record StatusChange(OrderStatus? From, OrderStatus To, DateTimeOffset At, string By, string Reason);

/// <summary>A line of the order.</summary>
public sealed record OrderItem(string Sku, string Name, int Quantity, decimal UnitPrice, decimal Total);

public sealed record Analytics(string? Source, string? Channel);

public sealed record Affiliate(string? Id, decimal? Commission);

public sealed record DeliveryMethod(string Id, string Name, decimal Price);

/// <summary>The customer as the order needs them: for the search index and the emails.</summary>
public sealed record CustomerSnapshot(string Id, string Name, string? Email, string Phone, string TimeZone);

/// <summary>A task on the order.</summary>
public sealed record OrderTask(
    string Id, string Title, DateTimeOffset? DueAt, string? Assignee, bool Done, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? CompletedAt = null, string? CompletedBy = null);

/// <summary>
/// What the customer's one-time extension would do, as the page of the emailed link shows it: the
/// <paramref name="Amount"/> due at <paramref name="ChargeAt"/> is charged at <paramref name="ExtendedChargeAt"/> instead.
/// </summary>
public sealed record TrialExtensionOffer(
    string OrderNumber, IReadOnlyList<OrderItem> Items, string Currency, decimal Amount, DateTimeOffset ChargeAt, DateTimeOffset ExtendedChargeAt,
    int ExtensionDays, string TimeZone);

/// <summary>Where the order's fulfillment stands besides its status: it goes ahead, waits on hold, or will not happen.</summary>
public enum FulfillmentState
{
    Open,
    OnHold,
    Cancelled,
}

public enum OrderChangeKind
{
    FulfillmentHeld,
    FulfillmentReleased,
    FulfillmentCancelled,
    Discount,
    QuantityDecreased,
}

/// <summary>
/// A change of the order that is not a status change, for its history: who, when, why and the values.
/// <paramref name="Amount"/> is what the change took off the price; <paramref name="Refund"/> the part of it
/// returned through the provider (the rest lowered a charge still to come). <paramref name="ClientKey"/> is the
/// request's Idempotency-Key, so a retried request finds the change it already made.
/// </summary>
public sealed record OrderChange(
    string Id,
    OrderChangeKind Kind,
    DateTimeOffset At,
    string By,
    string Description,
    string? Reason = null,
    decimal? Amount = null,
    decimal? Refund = null,
    string? Sku = null,
    int? FromQuantity = null,
    int? ToQuantity = null,
    string? ClientKey = null);
