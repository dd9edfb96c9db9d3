using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public sealed record FulfillmentChangeBody([FreeText] string? Reason);
