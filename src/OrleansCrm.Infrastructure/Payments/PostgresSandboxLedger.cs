using Npgsql;
using OrleansCrm.Domain.Payments;
using OrleansCrm.Infrastructure.ReadModel;

namespace OrleansCrm.Infrastructure.Payments;

/// <summary>
/// The sandbox ledger in PostgreSQL (table <c>crm_sandbox_ledger</c>, see deploy/sql), shared by every
/// silo of the cluster. A write inserts with ON CONFLICT DO NOTHING and reads the key back, so the first
/// row for a key wins however many processes race for it.
/// </summary>
public sealed class PostgresSandboxLedger(NpgsqlDataSource db) : ISandboxLedger
{
    // The class id of the two-key advisory locks taken per card token ("SBX1"); the two-key space never meets the migrator's one-key lock.
    private const int TokenLockClass = 0x53425831;

    private const string Columns =
        "idempotency_key, kind, status, provider, transaction_id, card_token, charge_transaction_id, amount_minor, currency, decline_code, decline_reason, recorded_at";

    public async Task<SandboxLedgerWrite> RecordChargeAsync(string idempotencyKey, string cardToken, bool countsEarlierCharges, Func<int, SandboxLedgerEntry> decide, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!countsEarlierCharges)
        {
            // The primary key decides between racing calls with one key; the first insert wins.
            var first = await FindAsync(connection, transaction, idempotencyKey, cancellationToken) is { } known
                ? new SandboxLedgerWrite(known, false)
                : await InsertAsync(connection, transaction, idempotencyKey, decide(0), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return first;
        }

        // Charges with one token wait for each other, so exactly one of them counts no earlier charge.
        await using (var lockToken = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, hashtext($2))", connection, transaction))
        {
            lockToken.Parameters.AddWithValue(TokenLockClass);
            lockToken.Parameters.AddWithValue(cardToken);
            await lockToken.ExecuteNonQueryAsync(cancellationToken);
        }

        if (await FindAsync(connection, transaction, idempotencyKey, cancellationToken) is { } stored)
        {
            await transaction.CommitAsync(cancellationToken);
            return new SandboxLedgerWrite(stored, false);
        }

        int earlier;
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM crm_sandbox_ledger WHERE kind = 'charge' AND card_token = $1", connection, transaction))
        {
            count.Parameters.AddWithValue(cardToken);
            earlier = (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var written = await InsertAsync(connection, transaction, idempotencyKey, decide(earlier), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public async Task<SandboxLedgerWrite> RecordRefundAsync(string idempotencyKey, string chargeTransactionId, Func<SandboxLedgerEntry?, long, SandboxLedgerEntry> decide, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Locking the charge row makes refunds of one charge take turns, so their sum is read after the previous one committed.
        SandboxLedgerEntry? charge;
        await using (var select = new NpgsqlCommand($"SELECT {Columns} FROM crm_sandbox_ledger WHERE transaction_id = $1 AND kind = 'charge' FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue(chargeTransactionId);
            charge = await ReadOneAsync(select, cancellationToken);
        }

        // Read after the lock: a refund with this key that committed while we waited is the answer.
        if (await FindAsync(connection, transaction, idempotencyKey, cancellationToken) is { } stored)
        {
            await transaction.CommitAsync(cancellationToken);
            return new SandboxLedgerWrite(stored, false);
        }

        long refunded;
        await using (var sum = new NpgsqlCommand(
            "SELECT coalesce(sum(amount_minor), 0)::bigint FROM crm_sandbox_ledger WHERE kind = 'refund' AND charge_transaction_id = $1 AND status = 'Approved'",
            connection,
            transaction))
        {
            sum.Parameters.AddWithValue(chargeTransactionId);
            refunded = (long)(await sum.ExecuteScalarAsync(cancellationToken))!;
        }

        var written = await InsertAsync(connection, transaction, idempotencyKey, decide(charge, refunded), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public async Task<SandboxLedgerEntry?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM crm_sandbox_ledger WHERE idempotency_key = $1");
        command.Parameters.AddWithValue(idempotencyKey);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<int> CountAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM crm_sandbox_ledger WHERE idempotency_key = $1");
        command.Parameters.AddWithValue(idempotencyKey);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<SandboxLedgerEntry>> ListAsync(string idempotencyKeyPrefix, CancellationToken cancellationToken = default)
    {
        // The key column's "C" collation lets this prefix LIKE use the primary key.
        await using var command = db.CreateCommand($"SELECT {Columns} FROM crm_sandbox_ledger WHERE idempotency_key LIKE $1 ORDER BY seq");
        command.Parameters.AddWithValue(PostgresFilters.EscapeLike(idempotencyKeyPrefix) + "%");
        var entries = new List<SandboxLedgerEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    public async Task<int> CountChargesAsync(string cardToken, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM crm_sandbox_ledger WHERE kind = 'charge' AND card_token = $1");
        command.Parameters.AddWithValue(cardToken);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<SandboxLedgerWrite> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string idempotencyKey, SandboxLedgerEntry entry, CancellationToken cancellationToken)
    {
        if (entry.IdempotencyKey != idempotencyKey)
        {
            throw new InvalidOperationException("The decided ledger entry carries another idempotency key.");
        }

        var result = entry.Result;
        int inserted;
        await using (var insert = new NpgsqlCommand(
            $"""
            INSERT INTO crm_sandbox_ledger ({Columns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            connection,
            transaction))
        {
            insert.Parameters.AddWithValue(idempotencyKey);
            insert.Parameters.AddWithValue(KindName(entry.Kind));
            insert.Parameters.AddWithValue(result.Status.ToString());
            insert.Parameters.AddWithValue(result.Provider);
            insert.Parameters.AddWithValue(result.TransactionId ?? throw new InvalidOperationException("A ledger entry needs a transaction id."));
            insert.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)entry.CardToken ?? DBNull.Value);
            insert.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)entry.ChargeTransactionId ?? DBNull.Value);
            insert.Parameters.AddWithValue(result.AmountMinor);
            insert.Parameters.AddWithValue(result.Currency);
            insert.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)result.DeclineCode ?? DBNull.Value);
            insert.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)result.DeclineReason ?? DBNull.Value);
            insert.Parameters.AddWithValue(result.At.ToUniversalTime());
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        // Read back whatever is stored now: ours, or the row of a call that won the race for the key.
        var stored = await FindAsync(connection, transaction, idempotencyKey, cancellationToken)
            ?? throw new InvalidOperationException("The ledger row just written cannot be read back.");
        return new SandboxLedgerWrite(stored, inserted == 1);
    }

    private static async Task<SandboxLedgerEntry?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM crm_sandbox_ledger WHERE idempotency_key = $1", connection, transaction);
        command.Parameters.AddWithValue(idempotencyKey);
        return await ReadOneAsync(command, cancellationToken);
    }

    private static async Task<SandboxLedgerEntry?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static SandboxLedgerEntry Read(NpgsqlDataReader reader)
    {
        var result = new PaymentResult(
            Enum.Parse<PaymentStatus>(reader.GetString(2)),
            reader.GetString(3),
            reader.GetString(0),
            reader.GetString(4),
            reader.GetInt64(7),
            reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.IsDBNull(10) ? null : reader.GetString(10),
            reader.GetFieldValue<DateTimeOffset>(11));
        return new SandboxLedgerEntry(
            ParseKind(reader.GetString(1)),
            result,
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6));
    }

    private static string KindName(SandboxEntryKind kind) => kind switch
    {
        SandboxEntryKind.Charge => "charge",
        SandboxEntryKind.Refund => "refund",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static SandboxEntryKind ParseKind(string kind) => kind switch
    {
        "charge" => SandboxEntryKind.Charge,
        "refund" => SandboxEntryKind.Refund,
        _ => throw new InvalidOperationException($"Unknown ledger row kind '{kind}'."),
    };
}
