using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public sealed record CancelBody([FreeText] string? Reason);
