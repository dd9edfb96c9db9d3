using System.Text.Json.Serialization;

namespace OrleansCrm.Domain.Orders;

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
        Wording? resultWording = null,
        Wording? descriptionWording = null)
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
        DescriptionWording = descriptionWording;
    }

    public string Id { get; }

    public WorkflowKind Kind { get; }

    public WorkflowEventType Type { get; }

    /// <summary>
    /// What the row is, in English words, as a build before <see cref="DescriptionWording"/> stored it; empty on a row
    /// written since. Read it only where <see cref="DescriptionWording"/> is null.
    /// </summary>
    public string Description { get; private set; }

    /// <summary>What the row is, as data (the edge renders it): a charge, an email, a refund, an extension.</summary>
    public Wording? DescriptionWording { get; private set; }

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

    /// <summary>What the row is, as a wording: its own, or the English a row of an older build stored, as a text.</summary>
    public Wording Describe() => DescriptionWording ?? OrderWording.Text.With(Description);

    /// <summary>Says what the row is now (a product charge moved by an extension); an English description of the build before is replaced.</summary>
    internal void IsDescribedAs(Wording description)
    {
        DescriptionWording = description;
        Description = "";
    }

    /// <summary>Says what happened (or, with null, that nothing has yet); an English result of the build before is replaced.</summary>
    internal void Says(Wording? result)
    {
        ResultWording = result;
        Result = null;
    }

    /// <summary>What an agent may do with the row: a completed email can be resent.</summary>
    public IReadOnlyList<string> Actions =>
        Type == WorkflowEventType.Email && Status == WorkflowStatus.Completed ? ["resend"] : [];
}
