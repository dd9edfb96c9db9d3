using Npgsql;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>
/// The dialers' leases in PostgreSQL (table <c>crm_dialer_leases</c>, deploy/sql/0160). Concurrent saves and removals are
/// grouped: whatever is queued is sent as one batch of statements, in the order queued, in one transaction, and each
/// caller returns once that batch committed.
/// </summary>
public sealed class PostgresDialerLeaseStore : IDialerLeaseStore, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource db;
    private readonly BatchedWriter<Write> writes;

    public PostgresDialerLeaseStore(NpgsqlDataSource db)
    {
        this.db = db;
        writes = new BatchedWriter<Write>(WriteAsync);
    }

    public Task SaveAsync(string campaignId, DialerLease lease, long contactVersion, CancellationToken cancellationToken = default) =>
        writes.WriteAsync(new Write(campaignId, lease.ContactId, lease.LeaseId, lease, contactVersion), cancellationToken);

    public Task RemoveAsync(string campaignId, string contactId, string leaseId, CancellationToken cancellationToken = default) =>
        writes.WriteAsync(new Write(campaignId, contactId, leaseId, null, 0), cancellationToken);

    public async Task<IReadOnlyList<(DialerLease Lease, long ContactVersion)>> ListAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            "SELECT contact_id, lease_id, agent_id, why, expires_at, call_id, contact_version FROM crm_dialer_leases WHERE campaign_id = $1");
        command.Parameters.AddWithValue(campaignId);
        var leases = new List<(DialerLease, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            leases.Add((
                new DialerLease(
                    reader.GetString(1), reader.GetString(0), reader.GetString(2), Enum.Parse<HandOutReason>(reader.GetString(3)),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.GetStringOrNull(5)),
                reader.GetInt64(6)));
        }

        return leases;
    }

    public void Dispose() => writes.Dispose();

    public ValueTask DisposeAsync() => writes.DisposeAsync();

    private async Task WriteAsync(IReadOnlyList<Write> batch)
    {
        await using var statements = db.CreateBatch();
        foreach (var write in batch)
        {
            var statement = statements.CreateBatchCommand();
            if (write.Lease is { } lease)
            {
                statement.CommandText =
                    """
                    INSERT INTO crm_dialer_leases (campaign_id, contact_id, lease_id, agent_id, why, expires_at, call_id, contact_version)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    ON CONFLICT (campaign_id, contact_id) DO UPDATE
                       SET lease_id = excluded.lease_id, agent_id = excluded.agent_id, why = excluded.why, expires_at = excluded.expires_at,
                           call_id = excluded.call_id, contact_version = excluded.contact_version
                    """;
                statement.Parameters.Add(new NpgsqlParameter { Value = write.CampaignId });
                statement.Parameters.Add(new NpgsqlParameter { Value = write.ContactId });
                statement.Parameters.Add(new NpgsqlParameter { Value = lease.LeaseId });
                statement.Parameters.Add(new NpgsqlParameter { Value = lease.AgentId });
                statement.Parameters.Add(new NpgsqlParameter { Value = lease.Why.ToString() });
                statement.Parameters.Add(new NpgsqlParameter { Value = lease.ExpiresAt.UtcDateTime });
                statement.Parameters.Add(new NpgsqlParameter { Value = (object?)lease.CallId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                statement.Parameters.Add(new NpgsqlParameter { Value = write.ContactVersion });
            }
            else
            {
                statement.CommandText = "DELETE FROM crm_dialer_leases WHERE campaign_id = $1 AND contact_id = $2 AND lease_id = $3";
                statement.Parameters.Add(new NpgsqlParameter { Value = write.CampaignId });
                statement.Parameters.Add(new NpgsqlParameter { Value = write.ContactId });
                statement.Parameters.Add(new NpgsqlParameter { Value = write.LeaseId });
            }

            statements.BatchCommands.Add(statement);
        }

        // One round trip; a batch without an explicit transaction runs in one implicit transaction.
        await statements.ExecuteNonQueryAsync();
    }

    /// <summary>A lease saved (<paramref name="Lease"/> set) or removed.</summary>
    private sealed record Write(string CampaignId, string ContactId, string LeaseId, DialerLease? Lease, long ContactVersion);
}
