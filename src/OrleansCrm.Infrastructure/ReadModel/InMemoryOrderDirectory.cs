using System.Collections.Concurrent;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>The embedded profile's order index: the same contract as PostgreSQL, kept in this process.</summary>
public sealed class InMemoryOrderDirectory : IOrderDirectory
{
    private readonly ConcurrentDictionary<string, OrderEntry> entries = new(StringComparer.Ordinal);

    public Task UpsertAsync(OrderEntry entry, CancellationToken cancellationToken = default)
    {
        entries.AddOrUpdate(entry.Number, entry, (_, stored) => entry.Version > stored.Version ? entry : stored);
        return Task.CompletedTask;
    }

    public Task<Page<OrderEntry>> SearchAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        var text = query.Text?.Trim();
        var matches = entries.Values
            .Where(e => e.Status != OrderStatus.Deleted)
            .Where(e => query.Statuses is null || query.Statuses.Count == 0 || query.Statuses.Contains(e.Status))
            .Where(e => query.CustomerId is null || e.CustomerId == query.CustomerId)
            .Where(e => query.From is null || e.PlacedAt >= query.From)
            .Where(e => query.To is null || e.PlacedAt < query.To)
            .Where(e => string.IsNullOrEmpty(text)
                || e.Number.Contains(text, StringComparison.OrdinalIgnoreCase)
                || e.CustomerName.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (e.CustomerEmail?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
                || e.CustomerPhone.Contains(text, StringComparison.Ordinal))
            .OrderByDescending(e => e.PlacedAt)
            .ThenByDescending(e => e.Number, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Page<OrderEntry>(matches.Skip(query.Skip).Take(query.Take).ToList(), matches.Count, query.Skip, query.Take));
    }

    public Task<Page<OrderEntry>> OverdueAsync(DateTimeOffset dueBefore, int skip, int take, CancellationToken cancellationToken = default)
    {
        var matches = entries.Values
            .Where(e => e.NextDueAt is { } at && at < dueBefore)
            .OrderBy(e => e.NextDueAt)
            .ThenBy(e => e.Number, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Page<OrderEntry>(matches.Skip(skip).Take(take).ToList(), matches.Count, skip, take));
    }
}
