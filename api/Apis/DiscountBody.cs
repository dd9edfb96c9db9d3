using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public sealed record DiscountBody(decimal? Amount, [FreeText] string? Reason);
