using OrleansCrm.Contracts.Shop;

namespace OrleansCrm.Api.Apis.Shop;

/// <summary>One run of the nightly linked-order validation and its figures.</summary>
public sealed record ValidationRunView(
    string RunId,
    string Trigger,
    DateOnly? BusinessDate,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int LinksChecked,
    int Valid,
    int Invalid,
    int AwaitingSync,
    int Errors,
    int OrdersSynced,
    DateTimeOffset? SyncWatermark,
    string? SyncError)
{
    public static ValidationRunView From(ValidationRunRecord r) => new(
        r.RunId, r.Trigger, r.BusinessDate, r.StartedAt, r.FinishedAt, r.LinksChecked, r.Valid, r.Invalid, r.AwaitingSync, r.Errors, r.OrdersSynced, r.SyncWatermark, r.SyncError);
}
