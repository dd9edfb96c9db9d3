namespace OrleansCrm.Api.Apis;

/// <summary>A shipping method of an offer as the API reads and shows it (OpenAPI schema <c>ShippingMethod</c>): its price per currency.</summary>
public sealed record ShippingMethod(string? Id, string? Name, IReadOnlyDictionary<string, decimal>? Price) : Domain.Offers.ISentShippingMethod
{
    public static ShippingMethod From(Domain.Offers.ShippingMethod m) => new(m.Id, m.Name, m.Price);
}
