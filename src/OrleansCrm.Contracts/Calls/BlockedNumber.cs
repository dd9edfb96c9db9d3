using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts;

/// <summary>
/// A blocked phone number. The note is an agent's text, or a sentence the product wrote (<see cref="NoteWording"/>,
/// rendered at the edge); an entry of an older build holds that sentence as English in <see cref="Note"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.BlockedNumber")]
public sealed record BlockedNumber(
    [property: Id(0)] string Phone,
    [property: Id(1)] BlockReason Reason,
    [property: Id(2)] string? Note,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string By,
    [property: Id(5)] Wording? NoteWording = null);
