namespace OrleansCrm.Contracts.Shop;

/// <summary>The job's runs, newest first, when the next nightly run is due and the last finished sync's watermark.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.ValidationRuns.v1")]
public sealed record ValidationRuns(
    [property: Id(0)] IReadOnlyList<ValidationRunRecord> Runs,
    [property: Id(1)] DateTimeOffset? NextRunAt,
    [property: Id(2)] DateTimeOffset? SyncedUpTo);
