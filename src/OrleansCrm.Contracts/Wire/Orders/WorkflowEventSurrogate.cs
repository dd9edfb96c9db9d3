using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>A <see cref="WorkflowEvent"/> as it is stored and crosses a grain call. Never renumber an id. Not immutable: a row changes as it runs.</summary>
[GenerateSerializer, Alias("OrleansCrm.WorkflowEvent.v1")]
public readonly record struct WorkflowEventSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] WorkflowKind Kind,
    [property: Id(2)] WorkflowEventType Type,
    [property: Id(3)] string Description,
    [property: Id(4)] WorkflowStatus Status,
    [property: Id(5)] DateTimeOffset ScheduledAt,
    [property: Id(6)] DateTimeOffset? ExecutedAt,
    [property: Id(7)] string? Result,
    [property: Id(8)] decimal? Amount,
    [property: Id(9)] string? TransactionId,
    [property: Id(10)] string? Recipient,
    [property: Id(11)] string? MessageId,
    [property: Id(12)] string? DeclineReason,
    [property: Id(13)] string? Link,
    [property: Id(14)] int Attempts,
    [property: Id(15)] DateTimeOffset? RecheckAt,
    [property: Id(16)] string? After,
    [property: Id(17)] string? ResendOf,
    [property: Id(18)] Wording? ResultWording,
    [property: Id(19)] Wording? DescriptionWording);

/// <summary>Turns a <see cref="WorkflowEvent"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class WorkflowEventConverter : IConverter<WorkflowEvent, WorkflowEventSurrogate>
{
    public WorkflowEvent ConvertFromSurrogate(in WorkflowEventSurrogate s) => new(
        s.Id, s.Kind, s.Type, s.Description, s.ScheduledAt, s.Status, s.ExecutedAt, s.Result, s.Amount, s.TransactionId, s.Recipient, s.MessageId,
        s.DeclineReason, s.Link, s.Attempts, s.RecheckAt, s.After, s.ResendOf, s.ResultWording, s.DescriptionWording);

    public WorkflowEventSurrogate ConvertToSurrogate(in WorkflowEvent e) => new(
        e.Id, e.Kind, e.Type, e.Description, e.Status, e.ScheduledAt, e.ExecutedAt, e.Result, e.Amount, e.TransactionId, e.Recipient, e.MessageId,
        e.DeclineReason, e.Link, e.Attempts, e.RecheckAt, e.After, e.ResendOf, e.ResultWording, e.DescriptionWording);
}
