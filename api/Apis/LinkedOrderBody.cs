namespace OrleansCrm.Api.Apis;

/// <summary>The shop order a call is linked to: its increment id (the number agents paste) and, with more than one store, the store's code (the first configured store without it).</summary>
public sealed record LinkedOrderBody(string? OrderId, string? StoreCode = null);
