namespace OrleansCrm.Api.Apis;

/// <summary>A note about the customer as the API shows it (OpenAPI schema <c>CustomerNote</c>, as before).</summary>
public sealed record CustomerNote(string Id, string Text, string Author, DateTimeOffset CreatedAt)
{
    public static CustomerNote From(Domain.Customers.CustomerNote n) => new(n.Id, n.Text, n.Author, n.CreatedAt);

    public static IReadOnlyList<CustomerNote> Of(IEnumerable<Domain.Customers.CustomerNote> notes) => notes.Select(From).ToList();
}
