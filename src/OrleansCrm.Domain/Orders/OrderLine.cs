
namespace OrleansCrm.Domain.Orders;

/// <summary>A line asked for: <c>sku</c> is <c>"main"</c> for the offer's product, or an upsell id of the offer.</summary>
public sealed record OrderLine(string? Sku, int? Quantity);
