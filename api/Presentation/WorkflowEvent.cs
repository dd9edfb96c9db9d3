using OrleansCrm.Domain.Orders;
using OrleansCrm.Presentation;

namespace OrleansCrm.Api.Presentation;

/// <summary>
/// A row of the sales workflow as the api shows it: the domain's row with its result rendered in English (a row an older
/// build stored shows the English text it stored).
/// </summary>
public sealed record WorkflowEvent(
    string Id,
    WorkflowKind Kind,
    WorkflowEventType Type,
    string Description,
    WorkflowStatus Status,
    DateTimeOffset ScheduledAt,
    DateTimeOffset? ExecutedAt,
    string? Result,
    decimal? Amount,
    string? TransactionId,
    string? Recipient,
    string? MessageId,
    string? DeclineReason,
    string? Link,
    int Attempts,
    DateTimeOffset? RecheckAt,
    string? After,
    string? ResendOf)
{
    /// <summary>What an agent may do with the row (the domain decides); read-only in the schema, as it always was.</summary>
    public IReadOnlyList<string> Actions { get; private init; } = [];

    public static WorkflowEvent Of(Domain.Orders.WorkflowEvent e) => new(
        e.Id, e.Kind, e.Type, EnglishWording.Description(e), e.Status, e.ScheduledAt, e.ExecutedAt, EnglishWording.Result(e), e.Amount, e.TransactionId,
        e.Recipient, e.MessageId, e.DeclineReason, e.Link, e.Attempts, e.RecheckAt, e.After, e.ResendOf)
    {
        Actions = e.Actions,
    };

    public static IReadOnlyList<WorkflowEvent> Of(IEnumerable<Domain.Orders.WorkflowEvent> rows) => rows.Select(Of).ToList();
}
