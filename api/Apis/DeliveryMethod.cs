namespace OrleansCrm.Api.Apis;

/// <summary>The shipping method an order goes by, priced in its currency (OpenAPI schema <c>DeliveryMethod</c>, as before).</summary>
public sealed record DeliveryMethod(string Id, string Name, decimal Price)
{
    public static DeliveryMethod From(Domain.Orders.DeliveryMethod d) => new(d.Id, d.Name, d.Price);
}
