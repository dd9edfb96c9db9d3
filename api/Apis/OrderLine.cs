namespace OrleansCrm.Api.Apis;

/// <summary>A line of a placement's body (OpenAPI schema <c>OrderLine</c>, as before): <c>sku</c> is <c>"main"</c> or an upsell id of the offer.</summary>
public sealed record OrderLine(string? Sku, int? Quantity)
{
    public Domain.Orders.OrderLine ToDomain() => new(Sku, Quantity);
}
