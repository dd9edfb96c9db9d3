namespace OrleansCrm.Contracts.Shop;

/// <summary>A run still open: how it started, and the watermark of the last finished sync it syncs from.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.OpenValidationRun.v1")]
public sealed record OpenValidationRun(
    [property: Id(0)] ValidationRunRecord Run,
    [property: Id(1)] DateTimeOffset? SyncedUpTo);
