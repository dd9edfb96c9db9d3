namespace OrleansCrm.Api.Apis.Shop;

/// <summary>
/// One group of valid linked orders: its key (the rep's agent id; the call's direction and campaign; or the campaign),
/// how many orders, and their grand totals per currency.
/// </summary>
public sealed record LinkedSalesGroup(string Key, string? AgentId, string? Direction, string? CampaignId, int Orders, IReadOnlyDictionary<string, decimal> Totals);
