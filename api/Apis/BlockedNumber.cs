using OrleansCrm.Contracts;
using OrleansCrm.Presentation;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// A do-not-call entry as the API shows it (OpenAPI schema <c>BlockedNumber</c>, as before); a note the product wrote
/// is rendered in English here, an older entry's English shows as it was stored.
/// </summary>
public sealed record BlockedNumber(string Phone, BlockReason Reason, string? Note, DateTimeOffset At, string By)
{
    public static BlockedNumber From(Contracts.BlockedNumber b) =>
        new(b.Phone, b.Reason, b.NoteWording is { } wording ? EnglishWording.Render(wording) : b.Note, b.At, b.By);
}
