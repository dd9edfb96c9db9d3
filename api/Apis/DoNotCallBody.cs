using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public sealed record DoNotCallBody(string? Phone, [FreeText] string? Note);
