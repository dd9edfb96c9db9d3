using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public sealed record NoteBody([FreeText] string? Text);
