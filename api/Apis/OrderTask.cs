namespace OrleansCrm.Api.Apis;

/// <summary>A task on the order as the API shows it (OpenAPI schema <c>OrderTask</c>, as before).</summary>
public sealed record OrderTask(
    string Id, string Title, DateTimeOffset? DueAt, string? Assignee, bool Done, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? CompletedAt = null, string? CompletedBy = null)
{
    public static OrderTask From(Domain.Orders.OrderTask t) =>
        new(t.Id, t.Title, t.DueAt, t.Assignee, t.Done, t.CreatedAt, t.CreatedBy, t.CompletedAt, t.CompletedBy);

    public static IReadOnlyList<OrderTask> Of(IEnumerable<Domain.Orders.OrderTask> tasks) => tasks.Select(From).ToList();
}
