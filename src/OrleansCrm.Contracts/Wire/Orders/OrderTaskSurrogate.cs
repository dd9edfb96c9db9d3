using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="OrderTask"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.OrderTask.v1")]
public readonly record struct OrderTaskSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset? DueAt,
    [property: Id(3)] string? Assignee,
    [property: Id(4)] bool Done,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] DateTimeOffset? CompletedAt,
    [property: Id(8)] string? CompletedBy);

/// <summary>Turns an <see cref="OrderTask"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OrderTaskConverter : IConverter<OrderTask, OrderTaskSurrogate>
{
    public OrderTask ConvertFromSurrogate(in OrderTaskSurrogate s) => new(s.Id, s.Title, s.DueAt, s.Assignee, s.Done, s.CreatedAt, s.CreatedBy, s.CompletedAt, s.CompletedBy);

    public OrderTaskSurrogate ConvertToSurrogate(in OrderTask o) => new(o.Id, o.Title, o.DueAt, o.Assignee, o.Done, o.CreatedAt, o.CreatedBy, o.CompletedAt, o.CompletedBy);
}
