using OrleansCrm.Contracts.Ports;
using System.Data;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace OrleansCrm.Infrastructure.Calls;

/// <summary>Call recordings in PostgreSQL (table <c>crm_call_recordings</c>, see deploy/sql), one row per call.</summary>
public sealed class PostgresRecordingStore(NpgsqlDataSource db) : IRecordingStore
{
    public async Task<RecordingInfo> SaveAsync(string callId, string contentType, ReadOnlyMemory<byte> content, DateTimeOffset storedAt, CancellationToken cancellationToken = default)
    {
        var info = new RecordingInfo(callId, contentType, content.Length, Convert.ToHexStringLower(SHA256.HashData(content.Span)), storedAt);
        await using var command = db.CreateCommand(
            """
            INSERT INTO crm_call_recordings (call_id, content_type, size, sha256, stored_at, content)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (call_id) DO UPDATE
               SET content_type = excluded.content_type, size = excluded.size, sha256 = excluded.sha256,
                   stored_at = excluded.stored_at, content = excluded.content
            """);
        command.Parameters.AddWithValue(info.CallId);
        command.Parameters.AddWithValue(info.ContentType);
        command.Parameters.AddWithValue(info.Size);
        command.Parameters.AddWithValue(info.Sha256);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = storedAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = content });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return info;
    }

    public async Task<(RecordingInfo Info, byte[] Content)?> GetAsync(string callId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("SELECT content_type, size, sha256, stored_at, content FROM crm_call_recordings WHERE call_id = $1");
        command.Parameters.AddWithValue(callId);

        // Sequential access streams the content into its array instead of buffering the whole row first.
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow | CommandBehavior.SequentialAccess, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var info = new RecordingInfo(callId, reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
        var content = await reader.GetFieldValueAsync<byte[]>(4, cancellationToken);
        return (info, content);
    }

    public async Task DeleteAsync(string callId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("DELETE FROM crm_call_recordings WHERE call_id = $1");
        command.Parameters.AddWithValue(callId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
