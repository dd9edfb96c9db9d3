using Orleans.Concurrency;

namespace OrleansCrm.Contracts.Shop;

/// <summary>One run's worker, keyed by the run id: the shop sync, then every link to judge judged; it reports to the job when done.</summary>
[Alias("OrleansCrm.ILinkedOrderValidationRunGrain")]
public interface ILinkedOrderValidationRunGrain : IGrainWithStringKey
{
    /// <summary>Carries the run out (the job does not wait); a run already done is not done again.</summary>
    [OneWay, Alias("Run")]
    Task RunAsync();
}
