using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Domain.Tests;

/// <summary>A shipping method as a client may send it (the api's <c>ShippingMethod</c> has this shape).</summary>
public sealed record ShippingMethodRequest(string? Id, string? Name, IReadOnlyDictionary<string, decimal>? Price) : ISentShippingMethod;
