namespace OrleansCrm.Api.Apis;

/// <summary>An upsell the agent can offer: its price in the main order's currency (null when it has none), quantities and shipping.</summary>
public sealed record UpsellOptionView(string Id, string Name, decimal? UnitPrice, IReadOnlyList<int> AllowedQuantities, IReadOnlyList<ShippingOptionView> ShippingMethods);
