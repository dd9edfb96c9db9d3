using OrleansCrm.Contracts.Shop;

namespace OrleansCrm.Api.Apis.Shop;

/// <summary>The job's runs, newest first, its next nightly instant and the watermark of the last finished sync.</summary>
public sealed record ValidationRunsView(IReadOnlyList<ValidationRunView> Runs, DateTimeOffset? NextRunAt, DateTimeOffset? SyncedUpTo)
{
    public static ValidationRunsView From(ValidationRuns runs) => new([.. runs.Runs.Select(ValidationRunView.From)], runs.NextRunAt, runs.SyncedUpTo);
}
