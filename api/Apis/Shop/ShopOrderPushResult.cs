namespace OrleansCrm.Api.Apis.Shop;

/// <summary>What a push did: how many rows came, how many were stored, and each refused row with its problems by field.</summary>
public sealed record ShopOrderPushResult(int Received, int Stored, IReadOnlyList<ShopOrderRowError> Refused);
