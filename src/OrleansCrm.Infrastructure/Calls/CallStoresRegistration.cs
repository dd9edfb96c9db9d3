using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Infrastructure.ReadModel;

namespace OrleansCrm.Infrastructure.Calls;

public static class CallStoresRegistration
{
    /// <summary>
    /// The call index, the contact index, the dialers' leases and the recordings where the rest of the data lives:
    /// PostgreSQL (through the registered <c>NpgsqlDataSource</c>) or this process's memory.
    /// </summary>
    public static IServiceCollection AddCrmCallStores(this IServiceCollection services, bool usesPostgres)
    {
        if (usesPostgres)
        {
            services.TryAddSingleton<ICallDirectory, PostgresCallDirectory>();
            services.TryAddSingleton<IContactIndex, PostgresContactIndex>();
            services.TryAddSingleton<IDialerLeaseStore, PostgresDialerLeaseStore>();
            services.TryAddSingleton<IRecordingStore, PostgresRecordingStore>();
        }
        else
        {
            services.TryAddSingleton<ICallDirectory, InMemoryCallDirectory>();
            services.TryAddSingleton<IContactIndex, InMemoryContactIndex>();
            services.TryAddSingleton<IDialerLeaseStore, InMemoryDialerLeaseStore>();
            services.TryAddSingleton<IRecordingStore, InMemoryRecordingStore>();
        }

        return services;
    }
}
