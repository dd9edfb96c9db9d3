namespace OrleansCrm.Api.Apis;

/// <summary>The cart of a call's draft as the API reads and shows it (OpenAPI schema <c>Cart</c>, as before).</summary>
public sealed record Cart(string? Currency, IReadOnlyList<CartLine>? Lines)
{
    public static Cart From(Domain.Calls.Cart c) => new(c.Currency, c.Lines is null ? null : c.Lines.Select(l => l is null ? null! : CartLine.From(l)).ToList());

    /// <summary>The cart for the domain; a null line stays null, so the domain's check reports it at its index.</summary>
    public Domain.Calls.Cart ToDomain() => new(Currency, Lines?.Select(l => l?.ToDomain()!).ToList());
}
