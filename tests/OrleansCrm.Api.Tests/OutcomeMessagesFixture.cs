using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>One api with the local SMTP server and SMS gateway for the outcome-message tests, in memory or on a fresh PostgreSQL database.</summary>
public abstract class OutcomeMessagesFixture(bool onPostgres) : IAsyncLifetime
{
    private TestDatabase? database;
    private SmsGatewaySink? gateway;

    public OutcomeMessagesApiFactory Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        database = onPostgres ? await TestDatabase.CreateMigratedAsync("outcomemsg") : null;
        gateway = await SmsGatewaySink.StartAsync();
        Api = new OutcomeMessagesApiFactory(gateway, new StorageFaults(), database?.ConnectionString);
        _ = Api.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
