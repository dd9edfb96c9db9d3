using OrleansCrm.Contracts.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansCrm.Grains;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Infrastructure.Hosting;

namespace OrleansCrm.Testing;

/// <summary>
/// One in-process silo configured the way a host configures it (<c>AddCrmServices</c>), on in-memory
/// storage and reminders with a one-second retry period. Business time is the given time provider
/// (a FakeTimeProvider) unless the settings ask for the simulated clock.
/// </summary>
public static class TestSilo
{
    public static InProcessTestCluster Build(CrmSettings settings, TimeProvider? time, IConfiguration? configuration = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            if (time is not null)
            {
                host.Services.AddSingleton(new CrmClock(time));
            }

            host.Services.AddCrmServices(settings, configuration);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddCrmSerializer();
            silo.Services.AddCrmGrainStorageSerializer();
            silo.AddMemoryGrainStorage(StorageNames.Crm);
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = settings.RetryPeriod);
        });
        builder.ConfigureClient(client => client.Services.AddCrmSerializer());
        return builder.Build();
    }
}
