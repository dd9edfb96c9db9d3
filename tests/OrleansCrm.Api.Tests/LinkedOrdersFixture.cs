using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>The api on the simulated clock twice: in memory and on a fresh, migrated PostgreSQL database, for the shop and linked-order tests.</summary>
public sealed class LinkedOrdersFixture : IAsyncLifetime
{
    private TestDatabase? database;

    public WorkflowApiFactory InMemory { get; private set; } = null!;

    public WorkflowApiFactory OnPostgres { get; private set; } = null!;

    public WorkflowApiFactory Api(bool onPostgres) => onPostgres ? OnPostgres : InMemory;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("linked_orders");
        InMemory = new WorkflowApiFactory();
        OnPostgres = new WorkflowApiFactory(database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await InMemory.DisposeAsync();
        await OnPostgres.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
