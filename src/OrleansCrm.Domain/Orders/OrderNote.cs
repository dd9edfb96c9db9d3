
namespace OrleansCrm.Domain.Orders;

/// <summary>
/// A note on the order: written by an agent (its <paramref name="Text"/>), or by the system when something changed the
/// order (its <paramref name="Wording"/>, rendered at the edge; a system note of the build before has English
/// <paramref name="Text"/> and no wording).
/// </summary>
public sealed record OrderNote(string Id, string Text, string Author, bool System, DateTimeOffset CreatedAt, Wording? Wording = null);
