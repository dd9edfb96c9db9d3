using Npgsql;
using NpgsqlTypes;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>
/// The contact index in PostgreSQL (table <c>crm_contacts</c>, see deploy/sql). Concurrent upserts are grouped:
/// whatever is queued is written by one multi-row statement, and each upsert returns once that statement committed.
/// </summary>
public sealed class PostgresContactIndex : IContactIndex, IDisposable, IAsyncDisposable
{
    private const string Columns =
        "campaign_id, contact_id, phone, time_zone, name, email, customer_id, order_number, stage, due_at, callback_owner, attempts, done_reason, imported_at, version, import_sequence";

    private static readonly Comparer<(string CampaignId, string ContactId)> KeyOrder = Comparer<(string CampaignId, string ContactId)>.Create((a, b) =>
        string.CompareOrdinal(a.CampaignId, b.CampaignId) is var byCampaign and not 0 ? byCampaign : string.CompareOrdinal(a.ContactId, b.ContactId));

    private readonly NpgsqlDataSource db;
    private readonly BatchedWriter<DialerContact> writes;

    public PostgresContactIndex(NpgsqlDataSource db)
    {
        this.db = db;
        writes = new BatchedWriter<DialerContact>(WriteAsync, rejectsOneItem: PostgresBatches.RejectsData);
    }

    public Task UpsertAsync(DialerContact contact, CancellationToken cancellationToken = default) => writes.WriteAsync(contact, cancellationToken);

    public async Task<IReadOnlyCollection<string>> AddNewAsync(IReadOnlyList<DialerContact> contacts, CancellationToken cancellationToken = default)
    {
        if (contacts.Count == 0)
        {
            return [];
        }

        var rows = contacts.ToList();
        await using var command = db.CreateCommand(
            $"""
            INSERT INTO crm_contacts ({Columns})
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (campaign_id, contact_id) DO NOTHING
            RETURNING contact_id
            """);
        AddColumns(command, rows);
        var added = new List<string>(rows.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            added.Add(reader.GetString(0));
        }

        return added;
    }

    public async Task<DialerContact?> FindAsync(string campaignId, string contactId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM crm_contacts WHERE campaign_id = $1 AND contact_id = $2");
        command.Parameters.AddWithValue(campaignId);
        command.Parameters.AddWithValue(contactId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, campaignId, null) : null;
    }

    public async Task<IReadOnlyList<DialerContact>> ListAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        // Served in import order by crm_contacts_import_order (deploy/sql/0160).
        await using var command = db.CreateCommand($"SELECT {Columns} FROM crm_contacts WHERE campaign_id = $1 ORDER BY import_sequence, imported_at, contact_id");
        command.Parameters.AddWithValue(campaignId);

        // A campaign's contacts share a few zones, reasons and agents: one string each, not one per contact.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var contacts = new List<DialerContact>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            contacts.Add(Read(reader, campaignId, shared));
        }

        return contacts;
    }

    private static DialerContact Read(NpgsqlDataReader reader, string campaignId, Dictionary<string, string>? shared)
    {
        string? Shared(int column)
        {
            var value = reader.GetStringOrNull(column);
            if (value is null || shared is null)
            {
                return value;
            }

            if (!shared.TryGetValue(value, out var one))
            {
                shared[value] = one = value;
            }

            return one;
        }

        return new DialerContact(
            campaignId, reader.GetString(1), reader.GetString(2), Shared(3)!, reader.GetStringOrNull(4), reader.GetStringOrNull(5),
            reader.GetStringOrNull(6), reader.GetStringOrNull(7), Enum.Parse<DialStage>(reader.GetString(8)), reader.GetFieldValue<DateTimeOffset>(9),
            Shared(10), reader.GetInt32(11), Shared(12), reader.GetFieldValue<DateTimeOffset>(13), reader.GetInt64(14),
            reader.GetInt64(15));
    }

    private static void AddColumns(NpgsqlCommand command, List<DialerContact> rows)
    {
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.CampaignId);
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.ContactId);
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.Phone);
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.TimeZone);
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.Name);
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.Email);
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.CustomerId);
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.OrderNumber);
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.Stage.ToString());
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, c => c.DueAt.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.CallbackOwner);
        command.AddColumn(rows, NpgsqlDbType.Integer, c => c.Attempts);
        command.AddColumn(rows, NpgsqlDbType.Text, c => c.DoneReason);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, c => c.ImportedAt.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.Bigint, c => c.Version);
        command.AddColumn(rows, NpgsqlDbType.Bigint, c => c.ImportSequence);
    }

    public void Dispose() => writes.Dispose();

    public ValueTask DisposeAsync() => writes.DisposeAsync();

    private async Task WriteAsync(IReadOnlyList<DialerContact> batch)
    {
        var rows = PostgresBatches.NewestPerKey(batch, c => (c.CampaignId, c.ContactId), c => c.Version, KeyOrder);
        await using var command = db.CreateCommand(
            $"""
            INSERT INTO crm_contacts ({Columns})
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (campaign_id, contact_id) DO UPDATE
               SET phone = excluded.phone, time_zone = excluded.time_zone, name = excluded.name, email = excluded.email,
                   customer_id = excluded.customer_id, order_number = excluded.order_number, stage = excluded.stage, due_at = excluded.due_at,
                   callback_owner = excluded.callback_owner, attempts = excluded.attempts, done_reason = excluded.done_reason,
                   imported_at = excluded.imported_at, version = excluded.version, import_sequence = excluded.import_sequence
             WHERE crm_contacts.version < excluded.version
            """);
        AddColumns(command, rows);
        await command.ExecuteNonQueryAsync();
    }
}
