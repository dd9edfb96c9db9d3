namespace OrleansCrm.Api.Apis;

public sealed record TaskUpdateBody(string? Assignee, DateTimeOffset? DueAt, bool? ClearDueAt);
