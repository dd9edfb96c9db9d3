using Npgsql;
using NpgsqlTypes;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>The order index in PostgreSQL (table <c>crm_orders</c>, see deploy/sql).</summary>
public sealed class PostgresOrderDirectory(NpgsqlDataSource db) : IOrderDirectory
{
    public async Task UpsertAsync(OrderEntry entry, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            """
            INSERT INTO crm_orders (number, customer_id, customer_name, customer_email, customer_phone, status, currency, total, is_trial, placed_at, main_order_number, version, next_due_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (number) DO UPDATE
               SET customer_id = excluded.customer_id, customer_name = excluded.customer_name, customer_email = excluded.customer_email,
                   customer_phone = excluded.customer_phone, status = excluded.status, currency = excluded.currency, total = excluded.total,
                   is_trial = excluded.is_trial, placed_at = excluded.placed_at, main_order_number = excluded.main_order_number, version = excluded.version,
                   next_due_at = excluded.next_due_at
             WHERE crm_orders.version < excluded.version
            """);
        command.Parameters.AddWithValue(entry.Number);
        command.Parameters.AddWithValue(entry.CustomerId);
        command.Parameters.AddWithValue(entry.CustomerName);
        command.Parameters.AddWithValue((object?)entry.CustomerEmail ?? DBNull.Value);
        command.Parameters.AddWithValue(entry.CustomerPhone);
        command.Parameters.AddWithValue(entry.Status.ToString());
        command.Parameters.AddWithValue(entry.Currency);
        command.Parameters.AddWithValue(entry.Total);
        command.Parameters.AddWithValue(entry.IsTrial);
        command.Parameters.AddWithValue(entry.PlacedAt.UtcDateTime);
        command.Parameters.AddWithValue((object?)entry.MainOrderNumber ?? DBNull.Value);
        command.Parameters.AddWithValue(entry.Version);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)entry.NextDueAt?.UtcDateTime ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Page<OrderEntry>> SearchAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        var text = query.Text?.Trim();
        await using var command = db.CreateCommand(
            """
            SELECT number, customer_id, customer_name, customer_email, customer_phone, status, currency, total, is_trial, placed_at, main_order_number, version,
                   next_due_at, count(*) OVER () AS matches
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
        var statuses = query.Statuses is { Count: > 0 } s ? s.Select(x => x.ToString()).ToArray() : null;
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = (object?)statuses ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = string.IsNullOrEmpty(text) ? DBNull.Value : "%" + PostgresCustomerDirectory.EscapeLike(text) + "%" });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)query.From?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)query.To?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.CustomerId ?? DBNull.Value });
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
            """
            SELECT number, customer_id, customer_name, customer_email, customer_phone, status, currency, total, is_trial, placed_at, main_order_number, version,
                   next_due_at, count(*) OVER () AS matches
              FROM crm_orders
             WHERE next_due_at IS NOT NULL AND next_due_at < $1
             ORDER BY next_due_at, number
             OFFSET $2 LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = dueBefore.UtcDateTime });
        command.Parameters.AddWithValue(skip);
        command.Parameters.AddWithValue(take);
        var (items, total) = await ReadPageAsync(command, cancellationToken);
        if (items.Count == 0 && skip > 0)
        {
            total = (await OverdueAsync(dueBefore, 0, 1, cancellationToken)).Total;
        }

        return new Page<OrderEntry>(items, total, skip, take);
    }

    /// <summary>Rows of the order columns in table order, then the window count of matches.</summary>
    private static async Task<(List<OrderEntry> Items, int Total)> ReadPageAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var items = new List<OrderEntry>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OrderEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                Enum.Parse<OrderStatus>(reader.GetString(5)), reader.GetString(6), reader.GetDecimal(7), reader.GetBoolean(8),
                new DateTimeOffset(reader.GetDateTime(9), TimeSpan.Zero), reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetInt64(11),
                reader.IsDBNull(12) ? null : new DateTimeOffset(reader.GetDateTime(12), TimeSpan.Zero)));
            total = (int)reader.GetInt64(13);
        }

        return (items, total);
    }
}
