namespace OrleansCrm.Api.Apis.Shop;

/// <summary>A refused row: its index in the batch, its increment id as sent, and what is wrong, field by field.</summary>
public sealed record ShopOrderRowError(int Index, string? IncrementId, IReadOnlyDictionary<string, string[]> Errors);
