using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public sealed record ItemQuantityBody(int? Quantity, [FreeText] string? Reason);
