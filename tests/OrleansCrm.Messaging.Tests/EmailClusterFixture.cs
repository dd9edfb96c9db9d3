using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansCrm.Infrastructure.Hosting;
using OrleansCrm.Testing;

namespace OrleansCrm.Messaging.Tests;

/// <summary>
/// One in-process silo on fake business time, in-memory storage and reminders, its email going over
/// SMTP to a <see cref="SmtpSink"/> of its own, configured the way a host is (<c>AddCrmServices</c>
/// with the configuration, which calls <c>AddCrmEmail</c>).
/// </summary>
public class EmailClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public SmtpSink Sink { get; } = SmtpSink.Start();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public IServiceProvider SiloServices => Cluster.Silos[0].ServiceProvider;

    /// <summary>The email settings the silo is configured with.</summary>
    protected virtual Dictionary<string, string?> EmailConfiguration() => new()
    {
        ["Smtp:Host"] = Sink.Host,
        ["Smtp:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "orders@crm.test",
        ["Smtp:FromName"] = "CRM Orders",
    };

    public async ValueTask InitializeAsync()
    {
        var settings = new CrmSettings { RetryPeriod = TimeSpan.FromSeconds(1) };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(EmailConfiguration()).Build();
        Cluster = TestSilo.Build(settings, Time, configuration);
        await Cluster.DeployAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Sink.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same silo without <c>Smtp:Host</c>: email is written to a pickup folder of its own.</summary>
public sealed class PickupClusterFixture : EmailClusterFixture
{
    public string PickupFolder { get; } = Path.Combine(Path.GetTempPath(), "orleanscrm-mail-tests-" + Guid.NewGuid().ToString("N"));

    protected override Dictionary<string, string?> EmailConfiguration() => new()
    {
        ["Email:PickupFolder"] = PickupFolder,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PickupFolder))
        {
            Directory.Delete(PickupFolder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EmailClusterCollection : ICollectionFixture<EmailClusterFixture>
{
    public const string Name = "email cluster";
}

[CollectionDefinition(Name)]
public sealed class PickupClusterCollection : ICollectionFixture<PickupClusterFixture>
{
    public const string Name = "pickup cluster";
}
