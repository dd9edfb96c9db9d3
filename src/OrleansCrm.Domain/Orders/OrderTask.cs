
namespace OrleansCrm.Domain.Orders;

/// <summary>A task on the order.</summary>
public sealed record OrderTask(
    string Id, string Title, DateTimeOffset? DueAt, string? Assignee, bool Done, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? CompletedAt = null, string? CompletedBy = null);
