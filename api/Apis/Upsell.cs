namespace OrleansCrm.Api.Apis;

/// <summary>An upsell of an offer as the API reads and shows it (OpenAPI schema <c>Upsell</c>): unit price, quantities, how it may ship.</summary>
public sealed record Upsell(
    string? Id,
    string? Name,
    IReadOnlyDictionary<string, decimal>? UnitPrice,
    IReadOnlyList<int>? AllowedQuantities,
    IReadOnlyList<string>? ShippingMethodIds)
{
    public static Upsell From(Domain.Offers.Upsell u) => new(u.Id, u.Name, u.UnitPrice, u.AllowedQuantities, u.ShippingMethodIds);

    public Domain.Offers.Upsell ToDomain() => new(Id, Name, UnitPrice, AllowedQuantities, ShippingMethodIds);

    /// <summary>A list as sent, entry by entry; a null entry stays null for the offer's rule to refuse by its path (<c>upsells[1]</c>), as before.</summary>
    public static IReadOnlyList<Domain.Offers.Upsell>? ToDomain(IReadOnlyList<Upsell?>? upsells) =>
        upsells?.Select(u => u?.ToDomain()).ToList() as IReadOnlyList<Domain.Offers.Upsell>;
}
