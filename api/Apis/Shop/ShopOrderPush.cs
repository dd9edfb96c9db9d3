using OrleansCrm.Api.Edge;

namespace OrleansCrm.Api.Apis.Shop;

/// <summary>A batch of web-shop orders to store (at most <see cref="ShopApi.MaxOrdersPerPush"/>).</summary>
public sealed record ShopOrderPush([property: MaxItems(ShopApi.MaxOrdersPerPush)] IReadOnlyList<ShopOrderPushRow?>? Orders);
