using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public sealed record TaskBody([FreeText] string? Title, DateTimeOffset? DueAt, string? Assignee);
