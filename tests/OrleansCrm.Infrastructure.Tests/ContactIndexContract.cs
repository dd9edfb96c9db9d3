using Npgsql;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Infrastructure.Calls;
using OrleansCrm.Infrastructure.ReadModel;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>What every contact index must do, whichever store it lives in.</summary>
public abstract class ContactIndexContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected IContactIndex Index { get; set; } = null!;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    private static DialerContact Contact(
        string contactId,
        string campaignId = "camp1",
        DialStage stage = DialStage.Fresh,
        int attempts = 0,
        string? doneReason = null,
        long version = 1,
        long importSequence = 0,
        DateTimeOffset? importedAt = null) =>
        new(
            campaignId, contactId, "+390611111111", "Europe/Rome", "Mario Rossi", null, null, null, stage, Monday, null, attempts, doneReason,
            importedAt ?? Monday.AddDays(-1), version, importSequence);

    private async Task<List<string>> ContactIdsAsync(string campaignId) =>
        [.. (await Index.ListAsync(campaignId)).Select(c => c.ContactId).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_contact_reads_back_with_every_field_as_it_was_written()
    {
        var callback = new DialerContact(
            "camp1", "k1", "+390622222222", "America/New_York", "Élodie Müller", "elodie@example.it", "c7", "100001", DialStage.Callback,
            Monday.AddTicks(1234560), "agent-3", 2, null, Monday.AddDays(-2).AddTicks(10), 7, 12);
        var done = new DialerContact(
            "camp1", "k2", "+390633333333", "Europe/Rome", null, null, null, null, DialStage.Done, Monday, null, 5, "Max attempts reached", Monday, 9);
        var retry = Contact("k3", stage: DialStage.Retry, attempts: 1);
        await Index.UpsertAsync(callback);
        await Index.UpsertAsync(done);
        await Index.UpsertAsync(retry);

        var listed = (await Index.ListAsync("camp1")).OrderBy(c => c.ContactId, StringComparer.Ordinal);

        Assert.Equal([callback, done, retry], listed);
    }

    [Fact]
    public async Task A_campaign_lists_its_contacts_in_import_order_whatever_order_they_were_written_in()
    {
        // Ids that sort against the import order, written out of order; two contacts without a sequence (stored
        // before it existed, or never imported) come first, by import time and then by id.
        var legacyLater = Contact("m-legacy", importedAt: Monday.AddDays(-1));
        var legacyEarlier = Contact("z-legacy", importedAt: Monday.AddDays(-3));
        var legacySameTime = Contact("n-legacy", importedAt: Monday.AddDays(-1));
        var imported = new[] { 3, 1, 5, 2, 4 }.Select(n => Contact($"k{9 - n}", importSequence: n, importedAt: Monday.AddDays(-2 + (n % 2)))).ToList();
        foreach (var contact in imported.Concat([legacyLater, legacyEarlier, legacySameTime]))
        {
            await Index.UpsertAsync(contact);
        }

        await Index.UpsertAsync(imported[0] with { Stage = DialStage.Retry, Attempts = 1, Version = 2 });

        var listed = (await Index.ListAsync("camp1")).Select(c => c.ContactId);

        Assert.Equal(["z-legacy", "m-legacy", "n-legacy", "k8", "k7", "k6", "k5", "k4"], listed);
    }

    [Fact]
    public async Task A_campaign_lists_every_one_of_its_contacts_done_ones_included_and_no_other_campaign_s()
    {
        await Index.UpsertAsync(Contact("k1", "camp1"));
        await Index.UpsertAsync(Contact("k2", "camp1", DialStage.Done, doneReason: "Sold"));
        await Index.UpsertAsync(Contact("k3", "camp2"));

        Assert.Equal(["k1", "k2"], await ContactIdsAsync("camp1"));
        Assert.Equal(["k3"], await ContactIdsAsync("camp2"));
        Assert.Empty(await ContactIdsAsync("Camp1"));
        Assert.Empty(await Index.ListAsync("nothing"));
    }

    [Fact]
    public async Task A_contact_is_one_per_campaign_and_contact_id()
    {
        await Index.UpsertAsync(Contact("k1", "camp1", attempts: 1));
        await Index.UpsertAsync(Contact("k1", "camp2", attempts: 2));

        Assert.Equal(1, Assert.Single(await Index.ListAsync("camp1")).Attempts);
        Assert.Equal(2, Assert.Single(await Index.ListAsync("camp2")).Attempts);
    }

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_one()
    {
        await Index.UpsertAsync(Contact("k1", stage: DialStage.Done, attempts: 3, doneReason: "Sold", version: 4));
        await Index.UpsertAsync(Contact("k1", stage: DialStage.Retry, attempts: 2, version: 3));
        await Index.UpsertAsync(Contact("k1", stage: DialStage.Fresh, attempts: 0, version: 4));

        var stored = Assert.Single(await Index.ListAsync("camp1"));
        Assert.Equal((DialStage.Done, 3, "Sold", 4L), (stored.Stage, stored.Attempts, stored.DoneReason, stored.Version));
    }

    [Fact]
    public async Task A_newer_version_replaces_the_contact()
    {
        await Index.UpsertAsync(Contact("k1", stage: DialStage.Done, attempts: 3, doneReason: "Sold", version: 4));
        await Index.UpsertAsync(Contact("k1", stage: DialStage.Fresh, attempts: 0, version: 5));

        var stored = Assert.Single(await Index.ListAsync("camp1"));
        Assert.Equal((DialStage.Fresh, 0, (string?)null, 5L), (stored.Stage, stored.Attempts, stored.DoneReason, stored.Version));
    }

    [Fact]
    public async Task Concurrent_upserts_all_land_and_each_caller_returns_after_its_entry_is_stored()
    {
        // One campaign per contact: each caller checks its own write right after its upsert returned.
        var found = await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            await Index.UpsertAsync(Contact($"k{i}", $"camp-{i}"));
            return await ContactIdsAsync($"camp-{i}");
        }));

        for (var i = 0; i < 500; i++)
        {
            Assert.Equal([$"k{i}"], found[i]);
        }

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Index.UpsertAsync(Contact($"k{i}", "camp-all"))));
        Assert.Equal(500, (await Index.ListAsync("camp-all")).Count);
    }

    [Fact]
    public async Task Adding_new_contacts_stores_only_the_keys_not_there_yet_and_leaves_the_others_exactly_as_they_were()
    {
        var called = Contact("k1", stage: DialStage.Retry, attempts: 2, version: 3);
        await Index.UpsertAsync(called);

        var added = await Index.AddNewAsync([Contact("k1", importSequence: 1), Contact("k2", importSequence: 2), Contact("k3", importSequence: 3)]);
        var again = await Index.AddNewAsync([Contact("k2", importSequence: 4, attempts: 9)]);

        Assert.Equal(["k2", "k3"], added.Order(StringComparer.Ordinal));
        Assert.Empty(again);
        var stored = (await Index.ListAsync("camp1")).ToDictionary(c => c.ContactId);
        Assert.Equal(called, stored["k1"]);
        Assert.Equal(Contact("k2", importSequence: 2), stored["k2"]);
        Assert.Equal(3, stored.Count);
    }

    [Fact]
    public async Task Contacts_added_in_one_write_are_found_one_by_one_in_their_campaign_only()
    {
        var contacts = Enumerable.Range(1, 2000).Select(i => Contact($"lead-{i:D4}", "camp-many", importSequence: i)).ToList();

        Assert.Equal(2000, (await Index.AddNewAsync(contacts)).Count);

        Assert.Equal(contacts[1233], await Index.FindAsync("camp-many", "lead-1234"));
        Assert.Null(await Index.FindAsync("camp1", "lead-1234"));
        Assert.Null(await Index.FindAsync("camp-many", "lead-9999"));
        Assert.Equal(contacts, await Index.ListAsync("camp-many"));
    }

    [Fact]
    public async Task Concurrent_versions_of_one_contact_leave_the_highest_version_stored()
    {
        var versions = Enumerable.Range(1, 200).Reverse().Concat(Enumerable.Range(1, 200)).ToList();

        await Task.WhenAll(versions.Select(v => Index.UpsertAsync(Contact("k1", attempts: v, version: v))));

        var stored = Assert.Single(await Index.ListAsync("camp1"));
        Assert.Equal((200, 200L), (stored.Attempts, stored.Version));
    }
}

public sealed class InMemoryContactIndexTests : ContactIndexContract
{
    public override ValueTask InitializeAsync()
    {
        Index = new InMemoryContactIndex();
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class PostgresContactIndexTests : ContactIndexContract
{
    private TestDatabase database = null!;
    private NpgsqlDataSource dataSource = null!;
    private PostgresContactIndex index = null!;

    public override async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("contacts");
        // 500 callers at once: a bounded pool keeps the test classes running side by side under the server's connection limit.
        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 20 }.ConnectionString);
        Index = index = new PostgresContactIndex(dataSource);
    }

    public override async ValueTask DisposeAsync()
    {
        await index.DisposeAsync();
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }
}
