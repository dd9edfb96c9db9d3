using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansCrm.Grains.Calls;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Infrastructure.Calls;
using OrleansCrm.Infrastructure.ReadModel;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

public sealed class CallStoresRegistrationTests
{
    [Fact]
    public async Task Without_PostgreSQL_the_call_stores_live_in_memory()
    {
        await using var services = new ServiceCollection().AddCrmCallStores(usesPostgres: false).BuildServiceProvider();

        Assert.IsType<InMemoryCallDirectory>(services.GetRequiredService<ICallDirectory>());
        Assert.IsType<InMemoryContactIndex>(services.GetRequiredService<IContactIndex>());
        Assert.IsType<InMemoryRecordingStore>(services.GetRequiredService<IRecordingStore>());
    }

    [Fact]
    public async Task With_PostgreSQL_the_call_stores_use_the_registered_data_source_and_are_one_per_process()
    {
        await using var services = new ServiceCollection()
            .AddSingleton(_ => NpgsqlDataSource.Create(TestDatabase.Server))
            .AddCrmCallStores(usesPostgres: true)
            .BuildServiceProvider();

        Assert.IsType<PostgresCallDirectory>(services.GetRequiredService<ICallDirectory>());
        Assert.IsType<PostgresContactIndex>(services.GetRequiredService<IContactIndex>());
        Assert.IsType<PostgresRecordingStore>(services.GetRequiredService<IRecordingStore>());
        Assert.Same(services.GetRequiredService<ICallDirectory>(), services.GetRequiredService<ICallDirectory>());
        Assert.Same(services.GetRequiredService<IContactIndex>(), services.GetRequiredService<IContactIndex>());
    }
}
