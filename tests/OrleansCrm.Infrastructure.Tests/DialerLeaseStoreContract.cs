using Npgsql;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Infrastructure.ReadModel;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>What every store of the dialers' leases must do, whichever store it lives in.</summary>
public abstract class DialerLeaseStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    protected IDialerLeaseStore Store { get; set; } = null!;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    private static DialerLease Lease(string contactId, string leaseId, string agent = "agent-ann", string? callId = null) =>
        new(leaseId, contactId, agent, HandOutReason.New, Noon.AddMinutes(2).AddTicks(10), callId);

    [Fact]
    public async Task A_saved_lease_reads_back_as_it_was_with_its_contact_version_and_only_in_its_campaign()
    {
        var lease = new DialerLease("lease-1", "k1", "agent-ann", HandOutReason.PrivateCallback, Noon.AddTicks(1234560), "call-7");
        await Store.SaveAsync("camp1", lease, 5);

        Assert.Equal([(lease, 5L)], await Store.ListAsync("camp1"));
        Assert.Empty(await Store.ListAsync("camp2"));
    }

    [Fact]
    public async Task A_contact_holds_one_lease_the_last_saved_and_a_removal_takes_only_the_lease_it_names()
    {
        await Store.SaveAsync("camp1", Lease("k1", "lease-1"), 1);
        await Store.SaveAsync("camp1", Lease("k1", "lease-2", "agent-bob"), 2);
        await Store.SaveAsync("camp1", Lease("k2", "lease-3"), 1);

        await Store.RemoveAsync("camp1", "k1", "lease-1");
        await Store.RemoveAsync("camp1", "k2", "lease-3");

        Assert.Equal([(Lease("k1", "lease-2", "agent-bob"), 2L)], await Store.ListAsync("camp1"));
    }

    [Fact]
    public async Task Concurrent_saves_and_removals_of_many_contacts_are_each_stored()
    {
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Store.SaveAsync("camp-many", Lease($"k{i}", $"lease-{i}", callId: i % 2 == 0 ? $"call-{i}" : null), i)));
        await Task.WhenAll(Enumerable.Range(0, 300).Where(i => i % 3 == 0).Select(i => Store.RemoveAsync("camp-many", $"k{i}", $"lease-{i}")));

        var stored = (await Store.ListAsync("camp-many")).ToDictionary(l => l.Lease.ContactId);
        Assert.Equal(200, stored.Count);
        Assert.Equal((Lease("k7", "lease-7"), 7L), stored["k7"]);
        Assert.Equal("call-8", stored["k8"].Lease.CallId);
    }
}

public sealed class InMemoryDialerLeaseStoreTests : DialerLeaseStoreContract
{
    public override ValueTask InitializeAsync()
    {
        Store = new InMemoryDialerLeaseStore();
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class PostgresDialerLeaseStoreTests : DialerLeaseStoreContract
{
    private TestDatabase database = null!;
    private NpgsqlDataSource dataSource = null!;
    private PostgresDialerLeaseStore store = null!;

    public override async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("leases");
        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 10 }.ConnectionString);
        Store = store = new PostgresDialerLeaseStore(dataSource);
    }

    public override async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }
}
