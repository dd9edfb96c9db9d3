using Npgsql;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>The customer index in PostgreSQL (table <c>crm_customers</c>, see deploy/sql).</summary>
public sealed class PostgresCustomerDirectory(NpgsqlDataSource db) : ICustomerDirectory
{
    public async Task UpsertAsync(CustomerEntry entry, CancellationToken cancellationToken = default)
    {
        // The WHERE on the update keeps a newer row when a late, older write arrives.
        await using var command = db.CreateCommand(
            """
            INSERT INTO crm_customers (id, name, email, phone, created_at, version)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (id) DO UPDATE
               SET name = excluded.name, email = excluded.email, phone = excluded.phone,
                   created_at = excluded.created_at, version = excluded.version
             WHERE crm_customers.version < excluded.version
            """);
        command.Parameters.AddWithValue(entry.Id);
        command.Parameters.AddWithValue(entry.Name);
        command.Parameters.AddWithValue((object?)entry.Email ?? DBNull.Value);
        command.Parameters.AddWithValue(entry.Phone);
        command.Parameters.AddWithValue(entry.CreatedAt.UtcDateTime);
        command.Parameters.AddWithValue(entry.Version);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Page<CustomerEntry>> SearchAsync(string? query, int skip, int take, CancellationToken cancellationToken = default)
    {
        var q = query?.Trim();
        var pattern = string.IsNullOrEmpty(q) ? null : "%" + EscapeLike(q) + "%";
        await using var command = db.CreateCommand(
            """
            SELECT id, name, email, phone, created_at, version, count(*) OVER () AS total
              FROM crm_customers
             WHERE $1::text IS NULL
                OR name ILIKE $1 OR email ILIKE $1 OR phone LIKE $1
             ORDER BY created_at DESC, id
             OFFSET $2 LIMIT $3
            """);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)pattern ?? DBNull.Value);
        command.Parameters.AddWithValue(skip);
        command.Parameters.AddWithValue(take);

        var items = new List<CustomerEntry>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new CustomerEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                reader.GetInt64(5)));
            total = (int)reader.GetInt64(6);
        }

        if (items.Count == 0 && skip > 0)
        {
            total = await CountAsync(pattern, cancellationToken);
        }

        return new Page<CustomerEntry>(items, total, skip, take);
    }

    private async Task<int> CountAsync(string? pattern, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "SELECT count(*) FROM crm_customers WHERE $1::text IS NULL OR name ILIKE $1 OR email ILIKE $1 OR phone LIKE $1");
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)pattern ?? DBNull.Value);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
