namespace OrleansCrm.Contracts.Shop;

/// <summary>
/// The nightly linked-order validation, one grain keyed by the job's name: its next run, the watermark of the last
/// finished shop sync and its runs, in state; at most one run at a time; one nightly run per business date.
/// </summary>
[Alias("OrleansCrm.ILinkedOrderValidationJobGrain")]
public interface ILinkedOrderValidationJobGrain : IGrainWithStringKey
{
    /// <summary>Arms the next nightly run if nothing is armed yet (the silo calls it on start).</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>Starts a run now; a conflict while one runs.</summary>
    [Alias("RunNow")]
    Task<ValidationRunRecord> RunNowAsync(string by);

    /// <summary>The runs, newest first, and the next nightly instant.</summary>
    [Alias("GetRuns")]
    Task<ValidationRuns> GetRunsAsync();

    /// <summary>The run's worker asks, before it starts, whether the run is still open and from which watermark to sync.</summary>
    [Alias("OpenRun")]
    Task<OpenValidationRun?> OpenRunAsync(string runId);

    /// <summary>The run's worker reports the run done (a report for a run no longer open is ignored).</summary>
    [Alias("RunFinished")]
    Task RunFinishedAsync(ValidationRunRecord run);
}
