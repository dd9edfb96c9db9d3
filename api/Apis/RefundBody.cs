using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public sealed record RefundBody(decimal? Amount, [FreeText] string? Reason);
