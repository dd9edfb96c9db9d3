using OrleansCrm.Infrastructure.Schema;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

public sealed class MigrationTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.CreateEmpty("migrate");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Migrate_creates_a_missing_database_applies_every_script_once_and_a_second_run_changes_nothing()
    {
        var first = await database.MigrateAsync();
        var second = await database.MigrateAsync();

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Name), first);
        Assert.Empty(second);
        Assert.Equal(SchemaMigrator.Scripts.Count, (int)await database.ScalarAsync<long>("SELECT count(*) FROM crm_schema_versions"));
    }

    [Fact]
    public async Task The_schema_holds_every_query_the_Orleans_AdoNet_providers_need()
    {
        await database.MigrateAsync();

        foreach (var key in new[]
        {
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "MembershipReadRowKey",
            "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey",
            "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
            "UpsertReminderRowKey", "ReadReminderRowKey", "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        })
        {
            Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM orleansquery WHERE querykey = '{key}'"));
        }
    }

    [Fact]
    public async Task Concurrent_migrations_queue_on_the_lock_and_apply_each_script_once()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => database.MigrateAsync()));

        Assert.Equal(SchemaMigrator.Scripts.Count, runs.Sum(r => r.Count));
        Assert.Equal(SchemaMigrator.Scripts.Count, (int)await database.ScalarAsync<long>("SELECT count(*) FROM crm_schema_versions"));
    }
}
