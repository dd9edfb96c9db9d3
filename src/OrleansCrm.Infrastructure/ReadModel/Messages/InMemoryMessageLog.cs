using System.Collections.Concurrent;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel.Messages;

/// <summary>The message log in memory (the embedded profile): the newest version of each entry wins.</summary>
public sealed class InMemoryMessageLog : IMessageLog
{
    private readonly ConcurrentDictionary<string, MessageLogEntry> entries = new(StringComparer.Ordinal);

    public Task RecordAsync(MessageLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entries.AddOrUpdate(entry.MessageId, entry, (_, stored) => stored.Version < entry.Version ? entry : stored);
        return Task.CompletedTask;
    }

    public Task<MessageLogEntry?> GetAsync(string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(entries.GetValueOrDefault(messageId));

    public Task<Page<MessageLogEntry>> FindAsync(MessageLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matching = entries.Values.Where(query.Matches).OrderByDescending(e => e.QueuedAt).ThenBy(e => e.MessageId, StringComparer.Ordinal).ToList();
        return Task.FromResult(new Page<MessageLogEntry>(matching.Skip(query.Skip).Take(query.Take).ToList(), matching.Count, query.Skip, query.Take));
    }
}
