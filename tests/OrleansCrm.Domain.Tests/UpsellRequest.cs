using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Domain.Tests;

/// <summary>An upsell as a client may send it (the api's <c>Upsell</c> has this shape).</summary>
public sealed record UpsellRequest(
    string? Id,
    string? Name,
    IReadOnlyDictionary<string, decimal>? UnitPrice,
    IReadOnlyList<int>? AllowedQuantities,
    IReadOnlyList<string>? ShippingMethodIds) : ISentUpsell;
