using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The edge when things go wrong or are configured for real: keys from configuration replace the development keys,
/// a failing readiness check names no exception, and the service's own information logs pass the log filter.
/// One api in Development with a configured key and a storage that cannot be reached.
/// </summary>
public sealed class EdgeFailuresTests(EdgeFailuresApiFactory api) : IClassFixture<EdgeFailuresApiFactory>
{
    [Fact]
    public async Task Keys_configured_in_development_replace_the_development_keys_none_of_which_stays_valid()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithKey(EdgeFailuresApiFactory.ConfiguredKey).GetAsync("/api/v1/customers?q=rossi")).StatusCode);

        foreach (var developmentKey in new[] { CrmApiFactory.AdminKey, CrmApiFactory.SupervisorKey, CrmApiFactory.AgentKey, CrmApiFactory.Agent2Key })
        {
            await (await api.ClientWithKey(developmentKey).GetAsync("/api/v1/customers?q=rossi")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task The_anonymous_readiness_check_says_failing_without_naming_an_exception_type_or_message()
    {
        var response = await api.ClientWithKey(null).GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        Assert.Equal("failing", checks.GetProperty("storage").GetString());
        Assert.Equal("ok", checks.GetProperty("silo").GetString());
        foreach (var revealing in new[] { "Exception", "Npgsql", "Socket", "refused", "127.0.0.1" })
        {
            Assert.DoesNotContain(revealing, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("OrleansCrm.Infrastructure.Payments.SandboxPaymentGateway")]
    [InlineData("OrleansCrm.Grains.Orders.OrderGrain")]
    [InlineData("OrleansCrm.Grains.Messaging.OutboxEmailGrain")]
    public void The_services_own_information_logs_pass_the_log_filter_while_orleans_stays_at_warning(string category)
    {
        var loggers = api.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger(category).IsEnabled(LogLevel.Information), $"{category} information is filtered out");
        Assert.False(loggers.CreateLogger("Orleans.Runtime.Catalog").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Orleans.Runtime.Catalog").IsEnabled(LogLevel.Warning));
    }
}

/// <summary>Development with one key from configuration and an unreachable storage.</summary>
public sealed class EdgeFailuresApiFactory : CrmApiFactory
{
    public const string ConfiguredKey = "configured-ops-key-0000001";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0:Key"] = ConfiguredKey,
        ["Auth:ApiKeys:0:UserId"] = "ops",
        ["Auth:ApiKeys:0:Role"] = "admin",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Nothing listens on port 1: the readiness check's storage probe fails at once.
        builder.ConfigureTestServices(services => services.AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=crm;Password=crm;Timeout=2")));
    }
}
