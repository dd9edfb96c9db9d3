using Npgsql;
using NpgsqlTypes;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>
/// The customer index in PostgreSQL (table <c>crm_customers</c>, see deploy/sql). Concurrent upserts are grouped:
/// whatever is queued is written by one multi-row statement, and each upsert returns once that statement committed.
/// </summary>
public sealed class PostgresCustomerDirectory : ICustomerDirectory, IDisposable, IAsyncDisposable
{
    private const string Columns = "id, name, email, phone, created_at, version";

    private readonly NpgsqlDataSource db;
    private readonly BatchedWriter<CustomerEntry> writes;

    public PostgresCustomerDirectory(NpgsqlDataSource db)
    {
        this.db = db;
        writes = new BatchedWriter<CustomerEntry>(WriteAsync, rejectsOneItem: PostgresBatches.RejectsData);
    }

    public Task UpsertAsync(CustomerEntry entry, CancellationToken cancellationToken = default) => writes.WriteAsync(entry, cancellationToken);

    public async Task<Page<CustomerEntry>> SearchAsync(string? query, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            $"""
            SELECT {Columns}, count(*) OVER () AS matches
              FROM crm_customers
             WHERE $1::text IS NULL
                OR name ILIKE $1 OR email ILIKE $1 OR phone LIKE $1
             ORDER BY created_at DESC, id
             OFFSET $2 LIMIT $3
            """);
        command.AddFilter(NpgsqlDbType.Text, PostgresFilters.Containing(query?.Trim()));
        command.Parameters.AddWithValue(skip);
        command.Parameters.AddWithValue(take);

        var (items, total) = await ReadPageAsync(command, cancellationToken);
        if (items.Count == 0 && skip > 0)
        {
            total = (await SearchAsync(query, 0, 1, cancellationToken)).Total;
        }

        return new Page<CustomerEntry>(items, total, skip, take);
    }

    public void Dispose() => writes.Dispose();

    public ValueTask DisposeAsync() => writes.DisposeAsync();

    /// <summary>Rows of the customer columns, then the window count of matches.</summary>
    private static async Task<(List<CustomerEntry> Items, int Total)> ReadPageAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var items = new List<CustomerEntry>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new CustomerEntry(
                reader.GetString(0), reader.GetString(1), reader.GetStringOrNull(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5)));
            total = (int)reader.GetInt64(6);
        }

        return (items, total);
    }

    private async Task WriteAsync(IReadOnlyList<CustomerEntry> batch)
    {
        // The WHERE on the update keeps a newer row when a late, older write arrives.
        var rows = PostgresBatches.NewestPerKey(batch, e => e.Id, e => e.Version, StringComparer.Ordinal);
        await using var command = db.CreateCommand(
            $"""
            INSERT INTO crm_customers ({Columns})
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6)
            ON CONFLICT (id) DO UPDATE
               SET name = excluded.name, email = excluded.email, phone = excluded.phone,
                   created_at = excluded.created_at, version = excluded.version
             WHERE crm_customers.version < excluded.version
            """);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Id);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Name);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Email);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Phone);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, e => e.CreatedAt.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.Bigint, e => e.Version);
        await command.ExecuteNonQueryAsync();
    }
}
