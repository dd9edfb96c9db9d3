using OrleansCrm.Domain.Calls;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>The embedded profile's call index: the same contract as PostgreSQL, kept in this process.</summary>
public sealed class InMemoryCallDirectory : ICallDirectory
{
    // CallEntry.Status holds the name of the call's status.
    private const string Confirmed = nameof(CallStatus.Confirmed);
    private const string Discarded = nameof(CallStatus.Discarded);

    private readonly Lock gate = new();
    private readonly Dictionary<string, CallEntry> entries = new(StringComparer.Ordinal);

    public Task UpsertAsync(CallEntry entry, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(entry.CallId, out var stored) || entry.Version > stored.Version)
            {
                entries[entry.CallId] = entry;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CallEntry>> ForCustomerAsync(string customerId, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult(Listed(e => e.CustomerId == customerId, take));

    public Task<IReadOnlyList<CallEntry>> ForOrderAsync(string orderNumber, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult(Listed(e => e.OrderNumber == orderNumber, take));

    public Task<IReadOnlyList<OutcomeCount>> OutcomeCountsAsync(DateTimeOffset from, DateTimeOffset to, string? campaignId, string? agentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<OutcomeCount> counts = entries.Values
                .Where(e => e.Status == Confirmed && e.OutcomeCode is not null && e.EndedAt >= from && e.EndedAt < to)
                .Where(e => campaignId is null || e.CampaignId == campaignId)
                .Where(e => agentId is null || e.AgentId == agentId)
                .GroupBy(e => (e.AgentId, OutcomeCode: e.OutcomeCode!))
                .Select(g =>
                {
                    var latest = g.OrderByDescending(e => e.EndedAt).ThenByDescending(e => e.CallId, StringComparer.Ordinal).First();
                    return new OutcomeCount(g.Key.AgentId, g.Key.OutcomeCode, latest.OutcomeLabel ?? "", latest.OutcomeColor ?? "", g.Count());
                })
                .OrderBy(c => c.AgentId, StringComparer.Ordinal)
                .ThenBy(c => c.OutcomeCode, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(counts);
        }
    }

    public Task<IReadOnlyList<CallTally>> TalliesAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> campaignIds, CancellationToken cancellationToken = default)
    {
        var wanted = campaignIds.ToHashSet(StringComparer.Ordinal);
        lock (gate)
        {
            IReadOnlyList<CallTally> tallies = entries.Values
                .Where(e => e.Status == Confirmed && e.OutcomeCode is not null && e.EndedAt >= from && e.EndedAt < to && wanted.Contains(e.CampaignId))
                .GroupBy(e => (e.CampaignId, e.AgentId, OutcomeCode: e.OutcomeCode!))
                .Select(g =>
                {
                    var latest = g.OrderByDescending(e => e.EndedAt).ThenByDescending(e => e.CallId, StringComparer.Ordinal).First();
                    var talk = TimeSpan.FromTicks(g.Sum(e => (e.EndedAt!.Value - e.StartedAt).Ticks));
                    return new CallTally(g.Key.CampaignId, g.Key.AgentId, g.Key.OutcomeCode, latest.OutcomeLabel ?? "", latest.OutcomeColor ?? "", g.Count(), talk);
                })
                .ToList();
            return Task.FromResult(tallies);
        }
    }

    private IReadOnlyList<CallEntry> Listed(Func<CallEntry, bool> about, int take)
    {
        lock (gate)
        {
            return entries.Values
                .Where(e => e.Status != Discarded && about(e))
                .OrderByDescending(e => e.StartedAt)
                .ThenByDescending(e => e.CallId, StringComparer.Ordinal)
                .Take(take)
                .ToList();
        }
    }
}
