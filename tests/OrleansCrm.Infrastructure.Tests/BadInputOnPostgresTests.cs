using Npgsql;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// Bad input, generated from the OpenAPI document for every operation, on the PostgreSQL profile —
/// where a NUL or a broken surrogate is refused by the database itself, so anything that slipped past
/// the edge would be a 500 after a half-done write. Nothing may change: not a row of any table.
/// </summary>
public sealed class BadInputOnPostgresTests : IAsyncLifetime
{
    /// <summary>Membership rows are the silos' heartbeats: they change by themselves.</summary>
    private static readonly string[] Heartbeats = ["orleans_membership", "orleans_membership_version"];

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("badinput");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Every_operation_answers_bad_input_with_a_4xx_problem_and_changes_no_row_on_PostgreSQL()
    {
        await using var api = new WorkflowApiFactory(database.ConnectionString);
        var admin = api.ClientWithKey(CrmApiFactory.AdminKey);
        await new OrderDriver(admin).EnsureOfferAsync();
        var before = await TablesAsync();

        var run = await BadInputCases.RunAsync(admin);

        var after = await TablesAsync();
        Assert.True(run.Sent > 800, $"only {run.Sent} requests were generated");
        Assert.True(run.Faults.Count == 0 && run.Changed.Count == 0, run.Report());
        Assert.Contains("orleans_grain_state", before.Keys);
        var changed = before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).ToList();
        Assert.True(changed.Count == 0, "rows changed in: " + string.Join(", ", changed.Select(t => $"{t} ({before.GetValueOrDefault(t)} → {after.GetValueOrDefault(t)})")));
    }

    /// <summary>A digest of every row of every table (heartbeats aside).</summary>
    private async Task<Dictionary<string, string>> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var digests = new Dictionary<string, string>();
        foreach (var table in tables.Where(t => !Heartbeats.Contains(t)))
        {
            await using var digest = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t", connection);
            digests[table] = (string)(await digest.ExecuteScalarAsync())!;
            if (table == "orleans_grain_state")
            {
                // Name the grains, so a failure says whose state a bad request wrote.
                await using var grains = new NpgsqlCommand("SELECT coalesce(string_agg(grain_type || '/' || coalesce(grain_id_extension, '') || '@' || version, ', ' ORDER BY 1), '') FROM orleans_grain_state", connection);
                digests[table] += " " + (string)(await grains.ExecuteScalarAsync())!;
            }
        }

        return digests;
    }
}
