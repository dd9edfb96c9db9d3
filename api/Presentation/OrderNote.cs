using OrleansCrm.Presentation;

namespace OrleansCrm.Api.Presentation;

/// <summary>
/// A note on the order as the api shows it: an agent's text, a system note's wording rendered in English, or the English
/// text a system note of an older build stored.
/// </summary>
public sealed record OrderNote(string Id, string Text, string Author, bool System, DateTimeOffset CreatedAt)
{
    public static OrderNote Of(Domain.Orders.OrderNote n) => new(n.Id, EnglishWording.Text(n), n.Author, n.System, n.CreatedAt);

    public static IReadOnlyList<OrderNote> Of(IEnumerable<Domain.Orders.OrderNote> notes) => notes.Select(Of).ToList();
}
