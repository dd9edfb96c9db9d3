using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>The api on a fresh, migrated PostgreSQL database, for the template tests.</summary>
public sealed class TemplatesOnPostgresFixture : IAsyncLifetime
{
    private TestDatabase? database;

    public WorkflowApiFactory Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("templates");
        Api = new WorkflowApiFactory(database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
