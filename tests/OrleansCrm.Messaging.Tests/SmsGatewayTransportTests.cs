using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Infrastructure.Messaging.Sms;
using OrleansCrm.Testing;

namespace OrleansCrm.Messaging.Tests;

/// <summary>The HTTP gateway client against the local gateway: idempotent sends, what is transient and what is permanent, settings.</summary>
public sealed class SmsGatewayTransportTests
{
    [Fact]
    public async Task The_same_client_message_id_sent_twice_is_one_message_with_one_gateway_id_and_its_status_can_be_read()
    {
        await using var gateway = await SmsGatewaySink.StartAsync();
        using var services = Services(gateway, retries: 0);
        var transport = services.GetRequiredService<SmsGatewayTransport>();
        var sms = new SmsDispatch("sms_" + TestValues.Key(), null, TestValues.Phone(), "Hello");

        var first = await transport.SendAsync(sms, CancellationToken.None);
        var again = await transport.SendAsync(sms, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(1, gateway.MessagesFor(sms.ClientMessageId));
        Assert.Equal("OrleansCrm", gateway.Received[0].From);
        Assert.Equal(sms.ClientMessageId, (await transport.GetStatusAsync(first, CancellationToken.None))!.ClientMessageId);
        Assert.Null(await transport.GetStatusAsync("gw_unknown", CancellationToken.None));
    }

    [Fact]
    public async Task A_429_or_503_is_retried_by_the_client_and_what_is_left_is_transient()
    {
        await using var gateway = await SmsGatewaySink.StartAsync();
        using var services = Services(gateway, retries: 1);
        var transport = services.GetRequiredService<SmsGatewayTransport>();
        var sms = new SmsDispatch("sms_" + TestValues.Key(), "Shop", TestValues.Phone(), "Hello");

        gateway.FailNext(1, HttpStatusCode.TooManyRequests);
        await transport.SendAsync(sms, CancellationToken.None);
        Assert.Equal(2, gateway.RequestsFor(sms.ClientMessageId));

        var other = sms with { ClientMessageId = "sms_" + TestValues.Key() };
        gateway.FailNext(2, HttpStatusCode.ServiceUnavailable);
        var failure = await Assert.ThrowsAsync<SmsTransportException>(() => transport.SendAsync(other, CancellationToken.None));
        Assert.False(failure.IsPermanent);
        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateways_opt_out_refusal_is_permanent_and_says_the_number_opted_out()
    {
        await using var gateway = await SmsGatewaySink.StartAsync();
        using var services = Services(gateway, retries: 2);
        var transport = services.GetRequiredService<SmsGatewayTransport>();
        var phone = TestValues.Phone();
        gateway.OptOutAtGateway(phone);
        var sms = new SmsDispatch("sms_" + TestValues.Key(), null, phone, "Hello");

        var failure = await Assert.ThrowsAsync<SmsTransportException>(() => transport.SendAsync(sms, CancellationToken.None));

        Assert.True(failure.IsPermanent);
        Assert.True(failure.IsOptOut);
        Assert.Equal(1, gateway.RequestsFor(sms.ClientMessageId)); // a 4xx is not retried
    }

    [Theory]
    [InlineData("Sms:BaseUrl", "not a url")]
    [InlineData("Sms:BaseUrl", "ftp://sms.example.com")]
    [InlineData("Sms:ApiKey", "key-without-a-gateway")]
    [InlineData("Sms:QuietHours", "late")]
    [InlineData("Sms:FrequencyCap", "-1")]
    [InlineData("Sms:Retries", "many")]
    public void A_bad_SMS_setting_stops_startup_naming_its_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => SmsSettings.Read(configuration));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_gateway_an_SMS_is_written_to_the_pickup_folder_once_per_client_message_id()
    {
        var folder = Path.Combine(Path.GetTempPath(), "orleanscrm-sms-" + TestValues.Key());
        var transport = new PickupFolderSmsTransport(new SmsSettings { PickupFolder = folder }, NullLogger<PickupFolderSmsTransport>.Instance);
        var sms = new SmsDispatch("sms_" + TestValues.Key(), null, TestValues.Phone(), "Hello");

        await transport.SendAsync(sms, CancellationToken.None);
        await transport.SendAsync(sms, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Contains(sms.To, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    private static ServiceProvider Services(SmsGatewaySink gateway, int retries)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sms:BaseUrl"] = gateway.BaseUrl.AbsoluteUri,
            ["Sms:ApiKey"] = SmsGatewaySink.ApiKey,
            ["Sms:Retries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sms:RetryDelayMilliseconds"] = "0",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCrmSms(configuration);
        return services.BuildServiceProvider();
    }
}
