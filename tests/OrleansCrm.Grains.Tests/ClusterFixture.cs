using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Infrastructure.Hosting;
using OrleansCrm.Testing;

namespace OrleansCrm.Grains.Tests;

/// <summary>One in-process silo on fake business time, in-memory storage and reminders, shared by a test collection.</summary>
public class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    protected virtual bool SimulatedClock => false;

    public IServiceProvider SiloServices => Cluster.Silos[0].ServiceProvider;

    public async ValueTask InitializeAsync()
    {
        var settings = new CrmSettings { SimulatedClock = SimulatedClock, RetryPeriod = TimeSpan.FromSeconds(1) };
        Cluster = TestSilo.Build(settings, SimulatedClock ? null : Time);
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same silo with the simulated clock of preview mode.</summary>
public sealed class SimulatedClockFixture : ClusterFixture
{
    protected override bool SimulatedClock => true;
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

[CollectionDefinition(Name)]
public sealed class SimulatedClockCollection : ICollectionFixture<SimulatedClockFixture>
{
    public const string Name = "simulated clock";
}
