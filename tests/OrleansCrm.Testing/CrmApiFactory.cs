using OrleansCrm.Contracts.Scheduling;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Testing;

/// <summary>
/// The api host with its co-hosted silo, in-memory, on free ports, with the development keys.
/// Business time is a <see cref="FakeTimeProvider"/> unless the simulated clock is asked for.
/// </summary>
public class CrmApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "dev-admin-key-0000000000";
    public const string SupervisorKey = "dev-supervisor-key-00000";
    public const string AgentKey = "dev-agent-key-0000000000";
    public const string Agent2Key = "dev-agent2-key-000000000";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual bool FakeTime => true;

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public HttpClient Admin() => ClientWithKey(AdminKey);

    public HttpClient Agent() => ClientWithKey(AgentKey);

    /// <summary>A second agent (agent-2), for what one agent may not do with another's calls or leases.</summary>
    public HttpClient Agent2() => ClientWithKey(Agent2Key);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", "api-tests-" + Guid.NewGuid().ToString("N"));

        // The api tests make thousands of requests from one address; the edge tests set the rate limits they cross.
        builder.UseSetting("Limits:FailedAuthentications:PermitLimit", "1000000");
        builder.UseSetting("Limits:TrialExtensions:PermitLimit", "1000000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (FakeTime)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(new CrmClock(Time)));
        }
    }
}

/// <summary>The api in preview mode: the simulated clock and its admin routes.</summary>
public sealed class SimulatedClockApiFactory : CrmApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Clock:Simulated"] = "true" };

    protected override bool FakeTime => false;
}

/// <summary>
/// The api in preview mode with email over SMTP to a local <see cref="SmtpSink"/>: the whole
/// sales workflow can be played forward through <c>/api/v1/test-clock/advance</c>.
/// </summary>
public sealed class WorkflowApiFactory(string? connectionString = null, StorageFaults? faults = null) : CrmApiFactory
{
    public WorkflowApiFactory()
        : this(null, null)
    {
    }

    public SmtpSink Mail { get; } = SmtpSink.Start();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Crm"] = connectionString,
        ["Clock:Simulated"] = "true",
        ["Smtp:Host"] = Mail.Host,
        ["Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Crm:PublicBaseUrl"] = "https://crm.example.test",
    };

    protected override bool FakeTime => false;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (faults is not null)
        {
            builder.ConfigureTestServices(faults.Install);
        }
    }
}


/// <summary>
/// The api in preview mode (simulated clock) with SMS through a local <see cref="SmsGatewaySink"/>, no quiet hours
/// by default, the HTTP client retrying once at once; on PostgreSQL when a connection string is given.
/// </summary>
public sealed class SmsApiFactory(SmsGatewaySink gateway, string? connectionString = null, IReadOnlyDictionary<string, string?>? extra = null) : CrmApiFactory
{
    public SmsGatewaySink Gateway => gateway;

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Crm"] = connectionString,
                ["Clock:Simulated"] = "true",
                ["Sms:BaseUrl"] = gateway.BaseUrl.AbsoluteUri,
                ["Sms:ApiKey"] = SmsGatewaySink.ApiKey,
                ["Sms:WebhookSecret"] = SmsGatewaySink.WebhookSecret,
                ["Sms:Retries"] = "1",
                ["Sms:RetryDelayMilliseconds"] = "0",
                ["Sms:QuietHours"] = "",
                ["Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), "orleanscrm-sms-tests-mail"),
            };
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    protected override bool FakeTime => false;
}
