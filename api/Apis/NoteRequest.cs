using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public sealed record NoteRequest([FreeText] string? Text);
