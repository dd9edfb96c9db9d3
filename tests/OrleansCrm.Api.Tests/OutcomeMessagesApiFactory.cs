using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The api in preview mode (simulated clock) with email over SMTP to a local <see cref="SmtpSink"/>, SMS through a
/// local <see cref="SmsGatewaySink"/> (no quiet hours), and storage faults a test may arm; on PostgreSQL when a
/// connection string is given.
/// </summary>
public sealed class OutcomeMessagesApiFactory(SmsGatewaySink gateway, StorageFaults faults, string? connectionString) : CrmApiFactory
{
    public SmtpSink Mail { get; } = SmtpSink.Start();

    public SmsGatewaySink Gateway => gateway;

    public StorageFaults Faults => faults;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Crm"] = connectionString,
        ["Clock:Simulated"] = "true",
        ["Smtp:Host"] = Mail.Host,
        ["Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Sms:BaseUrl"] = gateway.BaseUrl.AbsoluteUri,
        ["Sms:ApiKey"] = SmsGatewaySink.ApiKey,
        ["Sms:WebhookSecret"] = SmsGatewaySink.WebhookSecret,
        ["Sms:Retries"] = "1",
        ["Sms:RetryDelayMilliseconds"] = "0",
        ["Sms:QuietHours"] = "",
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
        builder.ConfigureTestServices(faults.Install);
    }
}
