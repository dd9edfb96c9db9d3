namespace OrleansCrm.Contracts.Shop;

/// <summary>
/// One run of the nightly linked-order validation: what started it (the night's schedule, for a business date, or an
/// admin), when it started and finished, the shop sync before it (orders read, the watermark it reached, its error),
/// and its figures. A run whose sync failed keeps the previous watermark and still judges against it.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.ValidationRunRecord.v1")]
public sealed record ValidationRunRecord(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Trigger,
    [property: Id(2)] DateOnly? BusinessDate,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset? FinishedAt,
    [property: Id(5)] int LinksChecked,
    [property: Id(6)] int Valid,
    [property: Id(7)] int Invalid,
    [property: Id(8)] int AwaitingSync,
    [property: Id(9)] int Errors,
    [property: Id(10)] int OrdersSynced,
    [property: Id(11)] DateTimeOffset? SyncWatermark,
    [property: Id(12)] string? SyncError)
{
    public const string Nightly = "Nightly";
    public const string Manual = "Manual";

    public static ValidationRunRecord Started(string runId, string trigger, DateOnly? businessDate, DateTimeOffset at) =>
        new(runId, trigger, businessDate, at, null, 0, 0, 0, 0, 0, 0, null, null);
}
