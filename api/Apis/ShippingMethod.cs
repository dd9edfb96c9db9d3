namespace OrleansCrm.Api.Apis;

/// <summary>A shipping method of an offer as the API reads and shows it (OpenAPI schema <c>ShippingMethod</c>): its price per currency.</summary>
public sealed record ShippingMethod(string? Id, string? Name, IReadOnlyDictionary<string, decimal>? Price)
{
    public static ShippingMethod From(Domain.Offers.ShippingMethod m) => new(m.Id, m.Name, m.Price);

    public Domain.Offers.ShippingMethod ToDomain() => new(Id, Name, Price);

    /// <summary>A list as sent, entry by entry; a null entry stays null for the offer's rule to refuse by its path (<c>shippingMethods[0]</c>), as before.</summary>
    public static IReadOnlyList<Domain.Offers.ShippingMethod>? ToDomain(IReadOnlyList<ShippingMethod?>? methods) =>
        methods?.Select(m => m?.ToDomain()).ToList() as IReadOnlyList<Domain.Offers.ShippingMethod>;
}
