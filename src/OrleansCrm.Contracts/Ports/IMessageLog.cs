namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The message log's read model: the outbox writes each message's entry after every change, the api reads it.
/// A write older than the stored entry (a lower <see cref="MessageLogEntry.Version"/>) changes nothing.
/// </summary>
public interface IMessageLog
{
    Task RecordAsync(MessageLogEntry entry, CancellationToken cancellationToken = default);

    Task<MessageLogEntry?> GetAsync(string messageId, CancellationToken cancellationToken = default);

    Task<Page<MessageLogEntry>> FindAsync(MessageLogQuery query, CancellationToken cancellationToken = default);
}
