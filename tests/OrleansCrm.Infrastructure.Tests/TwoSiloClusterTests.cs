using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansCrm.Infrastructure.Hosting;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>Two headless silos on one PostgreSQL database, configured exactly as the silo host configures them.</summary>
public sealed class TwoSiloClusterTests : IAsyncLifetime
{
    private readonly List<IHost> silos = [];
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("cluster");
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var host = BuildSilo(clusterId);
            await host.StartAsync();
            silos.Add(host);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.StopAsync();
            silo.Dispose();
        }

        await database.DisposeAsync();
    }

    private IHost BuildSilo(string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = database.ConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:SiloPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduling:RetryPeriod"] = "00:00:01",
            ["Crm:PublicBaseUrl"] = "https://crm.example.test",
        });
        builder.AddCrmSilo(CrmSettings.From(builder.Configuration, builder.Environment));
        return builder.Build();
    }

    [Fact]
    public async Task Both_silos_join_one_cluster_in_the_membership_table()
    {
        var active = await Eventually.WaitForAsync(
            () => database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = 3"),
            count => count == 2,
            TimeSpan.FromSeconds(30));

        Assert.Equal(2, active);
    }

    [Fact]
    public void Silos_and_clients_notice_a_dead_silo_in_seconds_with_the_configured_probes_and_response_timeout()
    {
        var silo = silos[0].Services;
        var client = Host.CreateApplicationBuilder();
        client.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = database.ConnectionString,
            ["Api:CoHostSilo"] = "false",
            ["Orleans:ResponseTimeout"] = "00:00:12",
            ["Crm:PublicBaseUrl"] = "https://crm.example.test",
        });
        client.AddCrmClient(CrmSettings.From(client.Configuration, client.Environment));
        using var clientHost = client.Build();

        Assert.Equal(TimeSpan.FromSeconds(2), silo.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.ProbeTimeout);
        Assert.Equal(3, silo.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.NumMissedProbesLimit);
        Assert.Equal(TimeSpan.FromSeconds(15), silo.GetRequiredService<IOptions<SiloMessagingOptions>>().Value.ResponseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(12), clientHost.Services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value.ResponseTimeout);
    }

    [Fact]
    public async Task A_reminder_still_fires_after_the_silo_that_held_its_grain_is_stopped()
    {
        var grains = silos[0].Services.GetRequiredService<IGrainFactory>();
        var grain = grains.GetGrain<IProbeWorkGrain>("failover-" + Guid.NewGuid());
        await grain.ScheduleAsync("trial charge", DateTimeOffset.UtcNow.AddSeconds(4));
        var holder = await grain.GetSiloAsync();
        var stopped = silos.Single(s => s.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString() == holder);
        var survivor = silos.Single(s => s != stopped);

        await stopped.StopAsync();

        var fromSurvivor = survivor.Services.GetRequiredService<IGrainFactory>().GetGrain<IProbeWorkGrain>(grain.GetPrimaryKeyString());
        var runs = await Eventually.WaitForAsync(fromSurvivor.GetRunsAsync, r => r.Count > 0, TimeSpan.FromSeconds(90));
        Assert.Equal("trial charge", Assert.Single(runs).Item);
        Assert.NotEqual(holder, await fromSurvivor.GetSiloAsync());
        Assert.False(await fromSurvivor.HasReminderAsync());
    }
}
