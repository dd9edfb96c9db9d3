using System.Collections.Concurrent;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>The embedded profile's customer index: the same contract as PostgreSQL, kept in this process.</summary>
public sealed class InMemoryCustomerDirectory : ICustomerDirectory
{
    private readonly ConcurrentDictionary<string, CustomerEntry> entries = new(StringComparer.Ordinal);

    public Task UpsertAsync(CustomerEntry entry, CancellationToken cancellationToken = default)
    {
        entries.AddOrUpdate(entry.Id, entry, (_, stored) => entry.Version > stored.Version ? entry : stored);
        return Task.CompletedTask;
    }

    public Task<Page<CustomerEntry>> SearchAsync(string? query, int skip, int take, CancellationToken cancellationToken = default)
    {
        var q = query?.Trim();
        var matches = entries.Values
            .Where(e => string.IsNullOrEmpty(q)
                || e.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
                || (e.Email?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
                || e.Phone.Contains(q, StringComparison.Ordinal))
            .OrderByDescending(e => e.CreatedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Page<CustomerEntry>(matches.Skip(skip).Take(take).ToList(), matches.Count, skip, take));
    }
}
