using Npgsql;

namespace OrleansCrm.LoadTest;

/// <summary>
/// What the storm and trials commands read from the service's PostgreSQL database (--pg): the commit counter of that
/// database (<c>pg_stat_database.xact_commit</c>, every process writing to it counts), the sandbox ledger and the sizes
/// of the Orleans tables. Read-only.
/// </summary>
internal sealed class PgProbe(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(connectionString);

    /// <summary>Committed transactions of the current database so far (the statistics collector's view, flushed first).</summary>
    public async Task<long> CommitsAsync()
    {
        await using var flush = source.CreateCommand("SELECT pg_stat_force_next_flush()");
        await flush.ExecuteNonQueryAsync();
        await using var command = source.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Card tokens with this prefix and how many of them have other than <paramref name="approvedCharges"/> approved charges in the ledger.</summary>
    public async Task<(long Tokens, long Wrong, long Charges)> LedgerAsync(string tokenPrefix, int approvedCharges)
    {
        await using var command = source.CreateCommand(
            """
            SELECT count(*), count(*) FILTER (WHERE n <> $2), coalesce(sum(n), 0)::bigint
            FROM (SELECT card_token, count(*) AS n FROM crm_sandbox_ledger
                  WHERE kind = 'charge' AND status = 'Approved' AND card_token LIKE $1 GROUP BY card_token) t
            """);
        command.Parameters.AddWithValue(tokenPrefix + "%");
        command.Parameters.AddWithValue((long)approvedCharges);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Rows and total size (table, indexes, TOAST) of a table.</summary>
    public async Task<(long Rows, long Bytes)> TableAsync(string table)
    {
        await using var command = source.CreateCommand($"SELECT (SELECT count(*) FROM {table}), pg_total_relation_size('{table}')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
