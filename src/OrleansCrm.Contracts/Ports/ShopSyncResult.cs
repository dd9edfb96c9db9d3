namespace OrleansCrm.Contracts.Ports;

/// <summary>What a sync did: orders stored, the watermark it reached (the previous one when it failed), and its error.</summary>
public sealed record ShopSyncResult(int Orders, DateTimeOffset? Watermark, string? Error);
