using Orleans.Concurrency;

namespace OrleansCrm.Contracts.Wallboard;

/// <summary>
/// Which agent is on which call now, for the wallboard: one activation for the cluster (key <see cref="Key"/>), told by
/// every call grain when a call starts and ends (one-way: a call never waits on it). Kept in memory only: after its
/// silo goes, agents show as signed out until their next call. <see cref="AgentActivity.Version"/> moves on every
/// change, so a wallboard anywhere in the cluster (a client-mode api too) sees a change by asking for the version.
/// </summary>
[Alias("OrleansCrm.IAgentActivityGrain")]
public interface IAgentActivityGrain : IGrainWithStringKey
{
    public const string Key = "all";

    [OneWay, Alias("CallStarted")]
    Task CallStartedAsync(string agentId, string callId, string campaignId, DateTimeOffset at);

    /// <summary>The call ended: confirmed (an outcome) or not (discarded, timed out).</summary>
    [OneWay, Alias("CallEnded")]
    Task CallEndedAsync(string agentId, string callId, string campaignId, DateTimeOffset at, bool confirmed);

    [Alias("Version")]
    Task<long> VersionAsync();

    [Alias("Agents")]
    [return: Immutable]
    Task<AgentActivity> AgentsAsync();
}
