namespace OrleansCrm.Domain.Shop;

/// <summary>
/// One call's link as the validation sees it: the order named, the shop user of the agent who made the call, and the
/// call's times (no end while the call is open).
/// </summary>
public sealed record LinkToJudge(string CallId, ShopOrderKey Order, string AgentShopUser, DateTimeOffset CallStart, DateTimeOffset? CallEnd);
