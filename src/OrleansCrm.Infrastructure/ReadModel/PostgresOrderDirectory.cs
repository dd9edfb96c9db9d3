using Npgsql;
using NpgsqlTypes;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>
/// The order index in PostgreSQL (table <c>crm_orders</c>, see deploy/sql). Concurrent upserts are grouped:
/// whatever is queued is written by one multi-row statement, and each upsert returns once that statement committed.
/// </summary>
public sealed class PostgresOrderDirectory : IOrderDirectory, IDisposable, IAsyncDisposable
{
    private const string Columns =
        "number, customer_id, customer_name, customer_email, customer_phone, status, currency, total, is_trial, placed_at, main_order_number, version, next_due_at";

    private readonly NpgsqlDataSource db;
    private readonly BatchedWriter<OrderEntry> writes;

    public PostgresOrderDirectory(NpgsqlDataSource db)
    {
        this.db = db;
        writes = new BatchedWriter<OrderEntry>(WriteAsync, rejectsOneItem: PostgresBatches.RejectsData);
    }

    public Task UpsertAsync(OrderEntry entry, CancellationToken cancellationToken = default) => writes.WriteAsync(entry, cancellationToken);

    public async Task<Page<OrderEntry>> SearchAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            $"""
            SELECT {Columns}, count(*) OVER () AS matches
              FROM crm_orders
             WHERE status <> 'Deleted'
               AND ($1::text[] IS NULL OR status = ANY ($1))
               AND ($2::text IS NULL OR number ILIKE $2 OR customer_name ILIKE $2 OR customer_email ILIKE $2 OR customer_phone LIKE $2)
               AND ($3::timestamptz IS NULL OR placed_at >= $3)
               AND ($4::timestamptz IS NULL OR placed_at < $4)
               AND ($5::text IS NULL OR customer_id = $5)
             ORDER BY placed_at DESC, number DESC
             OFFSET $6 LIMIT $7
            """);
        command.AddFilter(NpgsqlDbType.Array | NpgsqlDbType.Text, query.Statuses is { Count: > 0 } s ? s.Select(x => x.ToString()).ToArray() : null);
        command.AddFilter(NpgsqlDbType.Text, PostgresFilters.Containing(query.Text?.Trim()));
        command.AddFilter(NpgsqlDbType.TimestampTz, query.From?.UtcDateTime);
        command.AddFilter(NpgsqlDbType.TimestampTz, query.To?.UtcDateTime);
        command.AddFilter(NpgsqlDbType.Text, query.CustomerId);
        command.Parameters.AddWithValue(query.Skip);
        command.Parameters.AddWithValue(query.Take);

        var (items, total) = await ReadPageAsync(command, cancellationToken);
        if (items.Count == 0 && query.Skip > 0)
        {
            total = (await SearchAsync(query with { Skip = 0, Take = 1 }, cancellationToken)).Total;
        }

        return new Page<OrderEntry>(items, total, query.Skip, query.Take);
    }

    public async Task<Page<OrderEntry>> OverdueAsync(DateTimeOffset dueBefore, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            $"""
            SELECT {Columns}, count(*) OVER () AS matches
              FROM crm_orders
             WHERE next_due_at IS NOT NULL AND next_due_at < $1
             ORDER BY next_due_at, number
             OFFSET $2 LIMIT $3
            """);
        command.AddFilter(NpgsqlDbType.TimestampTz, dueBefore.UtcDateTime);
        command.Parameters.AddWithValue(skip);
        command.Parameters.AddWithValue(take);

        var (items, total) = await ReadPageAsync(command, cancellationToken);
        if (items.Count == 0 && skip > 0)
        {
            total = (await OverdueAsync(dueBefore, 0, 1, cancellationToken)).Total;
        }

        return new Page<OrderEntry>(items, total, skip, take);
    }

    public void Dispose() => writes.Dispose();

    public ValueTask DisposeAsync() => writes.DisposeAsync();

    /// <summary>Rows of the order columns, then the window count of matches.</summary>
    private static async Task<(List<OrderEntry> Items, int Total)> ReadPageAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var items = new List<OrderEntry>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OrderEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3), reader.GetString(4),
                Enum.Parse<OrderStatus>(reader.GetString(5)), reader.GetString(6), reader.GetDecimal(7), reader.GetBoolean(8),
                reader.GetFieldValue<DateTimeOffset>(9), reader.GetStringOrNull(10), reader.GetInt64(11), reader.GetDateTimeOffsetOrNull(12)));
            total = (int)reader.GetInt64(13);
        }

        return (items, total);
    }

    private async Task WriteAsync(IReadOnlyList<OrderEntry> batch)
    {
        var rows = PostgresBatches.NewestPerKey(batch, e => e.Number, e => e.Version, StringComparer.Ordinal);
        await using var command = db.CreateCommand(
            $"""
            INSERT INTO crm_orders ({Columns})
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (number) DO UPDATE
               SET customer_id = excluded.customer_id, customer_name = excluded.customer_name, customer_email = excluded.customer_email,
                   customer_phone = excluded.customer_phone, status = excluded.status, currency = excluded.currency, total = excluded.total,
                   is_trial = excluded.is_trial, placed_at = excluded.placed_at, main_order_number = excluded.main_order_number, version = excluded.version,
                   next_due_at = excluded.next_due_at
             WHERE crm_orders.version < excluded.version
            """);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Number);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CustomerId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CustomerName);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CustomerEmail);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CustomerPhone);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Status.ToString());
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Currency);
        command.AddColumn(rows, NpgsqlDbType.Numeric, e => e.Total);
        command.AddColumn(rows, NpgsqlDbType.Boolean, e => e.IsTrial);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, e => e.PlacedAt.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.MainOrderNumber);
        command.AddColumn(rows, NpgsqlDbType.Bigint, e => e.Version);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, e => e.NextDueAt?.UtcDateTime);
        await command.ExecuteNonQueryAsync();
    }
}
