using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.Shop;

/// <summary>The embedded profile's link index: the same contract as PostgreSQL, kept in this process.</summary>
public sealed class InMemoryLinkedOrderIndex : ILinkedOrderIndex
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkEntry> entries = new(StringComparer.Ordinal);

    public Task UpsertAsync(LinkEntry entry, CancellationToken cancellationToken = default)
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

    public Task<IReadOnlyList<LinkEntry>> AllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Listed(_ => true));

    public Task<IReadOnlyList<LinkEntry>> ValidAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Task.FromResult(Listed(e => e.Status == "Valid" && e.CallStart >= from && e.CallStart < to));

    private IReadOnlyList<LinkEntry> Listed(Func<LinkEntry, bool> which)
    {
        lock (gate)
        {
            return [.. entries.Values.Where(e => !e.Removed && which(e)).OrderBy(e => e.CallId, StringComparer.Ordinal)];
        }
    }
}
