namespace OrleansCrm.Api.Apis;

/// <summary>A cart line as the API reads and shows it (OpenAPI schema <c>CartLine</c>, as before), priced in the cart's currency.</summary>
public sealed record CartLine(string? Product, int? Quantity, decimal? UnitPrice)
{
    public static CartLine From(Domain.Calls.CartLine l) => new(l.Product, l.Quantity, l.UnitPrice);

    public static IReadOnlyList<CartLine> Of(IReadOnlyList<Domain.Calls.CartLine> lines) => lines.Select(From).ToList();

    public Domain.Calls.CartLine ToDomain() => new(Product, Quantity, UnitPrice);
}
