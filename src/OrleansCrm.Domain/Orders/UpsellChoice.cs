
namespace OrleansCrm.Domain.Orders;

/// <summary>The agent's choice on the upsell screen.</summary>
public sealed record UpsellChoice(string? UpsellId, int? Quantity, string? ShippingMethodId);
