using OrleansCrm.Contracts.Wallboard;

namespace OrleansCrm.Grains.Wallboard;

/// <summary>
/// The agents' calls now, in memory (see <see cref="IAgentActivityGrain"/>). A call's end that arrives before its start
/// (one-way messages may be reordered) is kept, and the late start of that call is ignored.
/// </summary>
public sealed class AgentActivityGrain : Grain, IAgentActivityGrain
{
    private readonly Dictionary<string, AgentNow> agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> campaignVersions = new(StringComparer.Ordinal);
    private readonly HashSet<string> ended = new(StringComparer.Ordinal);
    private long version;
    private AgentActivity? answered;

    public Task CallStartedAsync(string agentId, string callId, string campaignId, DateTimeOffset at)
    {
        if (!ended.Contains(callId))
        {
            agents.TryGetValue(agentId, out var was);
            agents[agentId] = new AgentNow(agentId, callId, campaignId, at, was?.LastEndedAt, campaignId);
            Changed(campaignId);
        }

        return Task.CompletedTask;
    }

    public Task CallEndedAsync(string agentId, string callId, string campaignId, DateTimeOffset at, bool confirmed)
    {
        if (ended.Count > 100_000)
        {
            ended.Clear();
        }

        ended.Add(callId);
        agents.TryGetValue(agentId, out var was);
        agents[agentId] = was is { CallId: { } current } && current != callId
            ? was with { LastEndedAt = at }
            : new AgentNow(agentId, null, null, null, at, campaignId);
        Changed(campaignId);
        return Task.CompletedTask;
    }

    public Task<long> VersionAsync() => Task.FromResult(version);

    public Task<AgentActivity> AgentsAsync()
    {
        answered ??= new AgentActivity(version, [.. agents.Values], new Dictionary<string, long>(campaignVersions));
        return Task.FromResult(answered);
    }

    private void Changed(string campaignId)
    {
        version++;
        campaignVersions[campaignId] = version;
        answered = null;
    }
}
