using Npgsql;
using NpgsqlTypes;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>
/// The call index in PostgreSQL (table <c>crm_calls</c>, see deploy/sql). Concurrent upserts are grouped:
/// whatever is queued is written by one multi-row statement, and each upsert returns once that statement committed.
/// </summary>
public sealed class PostgresCallDirectory : ICallDirectory, IDisposable, IAsyncDisposable
{
    private const string Columns =
        "call_id, campaign_id, contact_id, customer_id, order_number, task_id, agent_id, direction, attempt, started_at, ended_at, " +
        "status, outcome_code, outcome_label, outcome_type, outcome_color, comment, version";

    private readonly NpgsqlDataSource db;
    private readonly BatchedWriter<CallEntry> writes;

    public PostgresCallDirectory(NpgsqlDataSource db)
    {
        this.db = db;
        writes = new BatchedWriter<CallEntry>(WriteAsync, rejectsOneItem: PostgresBatches.RejectsData);
    }

    public Task UpsertAsync(CallEntry entry, CancellationToken cancellationToken = default) => writes.WriteAsync(entry, cancellationToken);

    public Task<IReadOnlyList<CallEntry>> ForCustomerAsync(string customerId, int take, CancellationToken cancellationToken = default) =>
        ListAsync("customer_id", customerId, take, cancellationToken);

    public Task<IReadOnlyList<CallEntry>> ForOrderAsync(string orderNumber, int take, CancellationToken cancellationToken = default) =>
        ListAsync("order_number", orderNumber, take, cancellationToken);

    public async Task<IReadOnlyList<OutcomeCount>> OutcomeCountsAsync(DateTimeOffset from, DateTimeOffset to, string? campaignId, string? agentId, CancellationToken cancellationToken = default)
    {
        // One sort (by group, most recent call first) serves the count per group and picking the call the label and color come from.
        await using var command = db.CreateCommand(
            """
            SELECT agent_id, outcome_code, coalesce(outcome_label, ''), coalesce(outcome_color, ''), calls
              FROM (SELECT agent_id, outcome_code, outcome_label, outcome_color,
                           count(*) OVER outcome AS calls,
                           row_number() OVER (outcome ORDER BY ended_at DESC, call_id DESC) AS recency
                      FROM crm_calls
                     WHERE status = 'Confirmed' AND outcome_code IS NOT NULL
                       AND ended_at >= $1 AND ended_at < $2
                       AND ($3::text IS NULL OR campaign_id = $3)
                       AND ($4::text IS NULL OR agent_id = $4)
                    WINDOW outcome AS (PARTITION BY agent_id, outcome_code)) AS confirmed
             WHERE recency = 1
             ORDER BY agent_id, outcome_code
            """);
        command.AddFilter(NpgsqlDbType.TimestampTz, from.UtcDateTime);
        command.AddFilter(NpgsqlDbType.TimestampTz, to.UtcDateTime);
        command.AddFilter(NpgsqlDbType.Text, campaignId);
        command.AddFilter(NpgsqlDbType.Text, agentId);

        var counts = new List<OutcomeCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new OutcomeCount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), (int)reader.GetInt64(4)));
        }

        return counts;
    }

    public async Task<IReadOnlyList<CallTally>> TalliesAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> campaignIds, CancellationToken cancellationToken = default)
    {
        // On the confirmed-calls index by end time, as the outcome report; one sort serves the count, the talk time and the latest label and color.
        await using var command = db.CreateCommand(
            """
            SELECT campaign_id, agent_id, outcome_code, coalesce(outcome_label, ''), coalesce(outcome_color, ''), calls, talk_seconds
              FROM (SELECT campaign_id, agent_id, outcome_code, outcome_label, outcome_color,
                           count(*) OVER outcome AS calls,
                           sum(extract(epoch FROM ended_at - started_at)) OVER outcome AS talk_seconds,
                           row_number() OVER (outcome ORDER BY ended_at DESC, call_id DESC) AS recency
                      FROM crm_calls
                     WHERE status = 'Confirmed' AND outcome_code IS NOT NULL
                       AND ended_at >= $1 AND ended_at < $2
                       AND campaign_id = ANY($3)
                    WINDOW outcome AS (PARTITION BY campaign_id, agent_id, outcome_code)) AS confirmed
             WHERE recency = 1
            """);
        command.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, from.UtcDateTime);
        command.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, to.UtcDateTime);
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, campaignIds.ToArray());

        var tallies = new List<CallTally>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tallies.Add(new CallTally(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                (int)reader.GetInt64(5), TimeSpan.FromSeconds((double)reader.GetDecimal(6))));
        }

        return tallies;
    }

    public void Dispose() => writes.Dispose();

    public ValueTask DisposeAsync() => writes.DisposeAsync();

    private async Task<IReadOnlyList<CallEntry>> ListAsync(string column, string value, int take, CancellationToken cancellationToken)
    {
        // The status condition is written as in the partial indexes' predicate, so the planner can use them.
        await using var command = db.CreateCommand(
            $"""
            SELECT {Columns}
              FROM crm_calls
             WHERE {column} = $1 AND status <> 'Discarded'
             ORDER BY started_at DESC, call_id DESC
             LIMIT $2
            """);
        command.Parameters.AddWithValue(value);
        command.Parameters.AddWithValue(Math.Max(take, 0));

        var entries = new List<CallEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new CallEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3), reader.GetStringOrNull(4), reader.GetStringOrNull(5),
                reader.GetString(6), reader.GetString(7), reader.GetInt32(8), reader.GetFieldValue<DateTimeOffset>(9),
                reader.GetDateTimeOffsetOrNull(10), reader.GetString(11), reader.GetStringOrNull(12),
                reader.GetStringOrNull(13), reader.GetStringOrNull(14), reader.GetStringOrNull(15), reader.GetStringOrNull(16), reader.GetInt64(17)));
        }

        return entries;
    }

    private async Task WriteAsync(IReadOnlyList<CallEntry> batch)
    {
        var rows = PostgresBatches.NewestPerKey(batch, e => e.CallId, e => e.Version, StringComparer.Ordinal);
        await using var command = db.CreateCommand(
            $"""
            INSERT INTO crm_calls ({Columns})
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            ON CONFLICT (call_id) DO UPDATE
               SET campaign_id = excluded.campaign_id, contact_id = excluded.contact_id, customer_id = excluded.customer_id,
                   order_number = excluded.order_number, task_id = excluded.task_id, agent_id = excluded.agent_id,
                   direction = excluded.direction, attempt = excluded.attempt, started_at = excluded.started_at, ended_at = excluded.ended_at,
                   status = excluded.status, outcome_code = excluded.outcome_code, outcome_label = excluded.outcome_label,
                   outcome_type = excluded.outcome_type, outcome_color = excluded.outcome_color, comment = excluded.comment, version = excluded.version
             WHERE crm_calls.version < excluded.version
            """);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CallId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CampaignId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.ContactId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.CustomerId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.OrderNumber);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.TaskId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.AgentId);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Direction);
        command.AddColumn(rows, NpgsqlDbType.Integer, e => e.Attempt);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, e => e.StartedAt.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, e => e.EndedAt?.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Status);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.OutcomeCode);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.OutcomeLabel);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.OutcomeType);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.OutcomeColor);
        command.AddColumn(rows, NpgsqlDbType.Text, e => e.Comment);
        command.AddColumn(rows, NpgsqlDbType.Bigint, e => e.Version);
        await command.ExecuteNonQueryAsync();
    }
}
