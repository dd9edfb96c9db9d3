namespace OrleansCrm.Api.Apis;

/// <summary>An upsell of an offer as the API reads and shows it (OpenAPI schema <c>Upsell</c>): unit price, quantities, how it may ship.</summary>
public sealed record Upsell(
    string? Id,
    string? Name,
    IReadOnlyDictionary<string, decimal>? UnitPrice,
    IReadOnlyList<int>? AllowedQuantities,
    IReadOnlyList<string>? ShippingMethodIds) : Domain.Offers.ISentUpsell
{
    public static Upsell From(Domain.Offers.Upsell u) => new(u.Id, u.Name, u.UnitPrice, u.AllowedQuantities, u.ShippingMethodIds);
}
