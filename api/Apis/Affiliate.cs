namespace OrleansCrm.Api.Apis;

/// <summary>An order's affiliate as the API reads and shows it (OpenAPI schema <c>Affiliate</c>, as before).</summary>
public sealed record Affiliate(string? Id, decimal? Commission)
{
    public static Affiliate From(Domain.Orders.Affiliate a) => new(a.Id, a.Commission);

    public Domain.Orders.Affiliate ToDomain() => new(Id, Commission);
}
