using Npgsql;
using NpgsqlTypes;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Infrastructure.ReadModel;

namespace OrleansCrm.Infrastructure.Shop;

/// <summary>
/// The link index in PostgreSQL (table <c>crm_linked_orders</c>, see deploy/sql). Concurrent upserts are grouped
/// into one multi-row statement, in key order, newest version winning.
/// </summary>
public sealed class PostgresLinkedOrderIndex : ILinkedOrderIndex, IDisposable, IAsyncDisposable
{
    private const string Columns =
        "call_id, store_code, increment_id, chain_base, agent_id, campaign_id, direction, call_start, call_end, status, set_at, judged_increment_id, removed, version";

    private readonly NpgsqlDataSource db;
    private readonly BatchedWriter<LinkEntry> writes;

    public PostgresLinkedOrderIndex(NpgsqlDataSource db)
    {
        this.db = db;
        writes = new BatchedWriter<LinkEntry>(WriteAsync, rejectsOneItem: PostgresBatches.RejectsData);
    }

    public Task UpsertAsync(LinkEntry entry, CancellationToken cancellationToken = default) => writes.WriteAsync(entry, cancellationToken);

    public Task<IReadOnlyList<LinkEntry>> AllAsync(CancellationToken cancellationToken = default) =>
        ListAsync("NOT removed", null, null, cancellationToken);

    public Task<IReadOnlyList<LinkEntry>> ValidAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        ListAsync("status = 'Valid' AND NOT removed AND call_start >= $1 AND call_start < $2", from, to, cancellationToken);

    public void Dispose() => writes.Dispose();

    public ValueTask DisposeAsync() => writes.DisposeAsync();

    private async Task<IReadOnlyList<LinkEntry>> ListAsync(string where, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM crm_linked_orders WHERE {where} ORDER BY call_id");
        if (from is { } start && to is { } end)
        {
            command.AddFilter(NpgsqlDbType.TimestampTz, start.UtcDateTime);
            command.AddFilter(NpgsqlDbType.TimestampTz, end.UtcDateTime);
        }

        var entries = new List<LinkEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LinkEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7), reader.GetDateTimeOffsetOrNull(8), reader.GetString(9), reader.GetFieldValue<DateTimeOffset>(10),
                reader.GetStringOrNull(11), reader.GetBoolean(12), reader.GetInt64(13)));
        }

        return entries;
    }

    private async Task WriteAsync(IReadOnlyList<LinkEntry> batch)
    {
        var rows = PostgresBatches.NewestPerKey(batch, e => e.CallId, e => e.Version, StringComparer.Ordinal);
        await using var command = db.CreateCommand(
            $"""
            INSERT INTO crm_linked_orders ({Columns})
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (call_id) DO UPDATE
               SET store_code = excluded.store_code, increment_id = excluded.increment_id, chain_base = excluded.chain_base,
                   agent_id = excluded.agent_id, campaign_id = excluded.campaign_id, direction = excluded.direction,
                   call_start = excluded.call_start, call_end = excluded.call_end, status = excluded.status, set_at = excluded.set_at,
                   judged_increment_id = excluded.judged_increment_id, removed = excluded.removed, version = excluded.version
             WHERE crm_linked_orders.version < excluded.version
            """);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CallId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.StoreCode);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.IncrementId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Chain.IncrementId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.AgentId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CampaignId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Direction);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, e => e.CallStart.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, e => e.CallEnd?.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Status);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, e => e.SetAt.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.JudgedIncrementId);
        command.AddColumn(rows, NpgsqlDbType.Boolean, e => e.Removed);
        command.AddColumn(rows, NpgsqlDbType.Bigint, e => e.Version);
        await command.ExecuteNonQueryAsync();
    }
}
