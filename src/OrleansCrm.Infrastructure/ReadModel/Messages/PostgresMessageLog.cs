using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel.Messages;

/// <summary>
/// The message log in PostgreSQL (table <c>crm_messages</c>, see deploy/sql/0120): the filtered columns beside the whole
/// entry as jsonb. Concurrent writes are grouped as the order index's are (<see cref="BatchedWriter{T}"/>): whatever is
/// queued is written by one multi-row upsert, the newest version of each message, and each write returns once that
/// statement committed.
/// </summary>
public sealed class PostgresMessageLog : IMessageLog, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource db;
    private readonly BatchedWriter<MessageLogEntry> writes;

    public PostgresMessageLog(NpgsqlDataSource db)
    {
        this.db = db;
        writes = new BatchedWriter<MessageLogEntry>(WriteAsync, rejectsOneItem: PostgresBatches.RejectsData);
    }

    public Task RecordAsync(MessageLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return writes.WriteAsync(entry, cancellationToken);
    }

    public void Dispose() => writes.Dispose();

    public ValueTask DisposeAsync() => writes.DisposeAsync();

    private async Task WriteAsync(IReadOnlyList<MessageLogEntry> batch)
    {
        var rows = PostgresBatches.NewestPerKey(batch, e => e.MessageId, e => e.Version, StringComparer.Ordinal);

        // The WHERE on the update keeps a newer row when a late, older write arrives.
        await using var command = db.CreateCommand(
            """
            INSERT INTO crm_messages (message_id, channel, customer_id, order_number, call_id, status, queued_at, version, entry)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (message_id) DO UPDATE
               SET channel = excluded.channel, customer_id = excluded.customer_id, order_number = excluded.order_number,
                   call_id = excluded.call_id, status = excluded.status, queued_at = excluded.queued_at,
                   version = excluded.version, entry = excluded.entry
             WHERE crm_messages.version < excluded.version
            """);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.MessageId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Channel);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CustomerId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.OrderNumber);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CallId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Status.ToString());
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, e => e.QueuedAt.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.Bigint, e => e.Version);
        command.AddColumn(rows, NpgsqlDbType.Jsonb, e => JsonSerializer.Serialize(e, MessageLogJson.Options));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<MessageLogEntry?> GetAsync(string messageId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("SELECT entry::text FROM crm_messages WHERE message_id = $1");
        command.Parameters.AddWithValue(messageId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? Read(json) : null;
    }

    public async Task<Page<MessageLogEntry>> FindAsync(MessageLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string Where =
            """
             WHERE ($1::text IS NULL OR customer_id = $1)
               AND ($2::text IS NULL OR order_number = $2)
               AND ($3::text IS NULL OR call_id = $3)
               AND ($4::text IS NULL OR status = $4)
               AND ($5::text IS NULL OR channel = $5)
            """;
        var items = new List<MessageLogEntry>();
        await using (var command = db.CreateCommand("SELECT entry::text FROM crm_messages" + Where + " ORDER BY queued_at DESC, message_id OFFSET $6 LIMIT $7"))
        {
            AddFilters(command, query);
            command.Parameters.AddWithValue(query.Skip);
            command.Parameters.AddWithValue(query.Take);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader.GetString(0)));
            }
        }

        await using var count = db.CreateCommand("SELECT count(*) FROM crm_messages" + Where);
        AddFilters(count, query);
        var total = (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!;
        return new Page<MessageLogEntry>(items, total, query.Skip, query.Take);
    }

    private static void AddFilters(NpgsqlCommand command, MessageLogQuery query)
    {
        foreach (var value in new[] { query.CustomerId, query.OrderNumber, query.CallId, query.Status?.ToString(), query.Channel })
        {
            command.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)value ?? DBNull.Value);
        }
    }

    private static MessageLogEntry Read(string json) =>
        JsonSerializer.Deserialize<MessageLogEntry>(json, MessageLogJson.Options)
        ?? throw new InvalidDataException("A message log row holds no entry.");
}
