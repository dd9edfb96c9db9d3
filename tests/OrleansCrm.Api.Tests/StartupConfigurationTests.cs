using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OrleansCrm.Api.Auth;
using OrleansCrm.Infrastructure.Hosting;

using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

public sealed class StartupConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };

    [Fact]
    public void Outside_development_a_host_without_api_keys_refuses_to_start_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApiKeyStore.From(Config(), Environment(Environments.Production)));
        Assert.Contains("Auth:ApiKeys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_with_an_unknown_role_names_the_entry_and_field()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApiKeyStore.From(
            Config(("Auth:ApiKeys:0:Key", "a-long-enough-key-123"), ("Auth:ApiKeys:0:UserId", "ops"), ("Auth:ApiKeys:0:Role", "root")),
            Environment(Environments.Production)));
        Assert.Contains("Auth:ApiKeys:0:Role", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_configured_only_by_its_sha256_hash_authenticates_its_user()
    {
        var hash = ApiKeyStore.Hash("the-secret-key-of-ops");
        var store = ApiKeyStore.From(
            Config(("Auth:ApiKeys:0:KeyHash", hash.ToUpperInvariant()), ("Auth:ApiKeys:0:UserId", "ops"), ("Auth:ApiKeys:0:Role", "admin")),
            Environment(Environments.Production));

        Assert.Equal(new ApiUser("ops", "admin"), store.Find("the-secret-key-of-ops"));
        Assert.Null(store.Find("the-secret-key-of-op"));
    }

    [Fact]
    public void In_development_one_configured_key_replaces_every_development_key()
    {
        var developmentOnly = Config(("Auth:DevelopmentApiKeys:0:Key", "dev-agent2-key-000000000"), ("Auth:DevelopmentApiKeys:0:UserId", "agent-2"), ("Auth:DevelopmentApiKeys:0:Role", "agent"));
        var both = Config(
            ("Auth:DevelopmentApiKeys:0:Key", "dev-agent2-key-000000000"), ("Auth:DevelopmentApiKeys:0:UserId", "agent-2"), ("Auth:DevelopmentApiKeys:0:Role", "agent"),
            ("Auth:ApiKeys:0:Key", "the-secret-key-of-ops"), ("Auth:ApiKeys:0:UserId", "ops"), ("Auth:ApiKeys:0:Role", "admin"));

        Assert.Equal(new ApiUser("agent-2", "agent"), ApiKeyStore.From(developmentOnly, Environment(Environments.Development)).Find("dev-agent2-key-000000000"));
        var configured = ApiKeyStore.From(both, Environment(Environments.Development));
        Assert.Null(configured.Find("dev-agent2-key-000000000"));
        Assert.Equal(new ApiUser("ops", "admin"), configured.Find("the-secret-key-of-ops"));
        Assert.Null(ApiKeyStore.From(both, Environment(Environments.Production)).Find("dev-agent2-key-000000000"));
    }

    [Fact]
    public void The_simulated_clock_is_refused_in_production_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrmSettings.From(Config(("Clock:Simulated", "true")), Environment(Environments.Production)));
        Assert.Contains("Clock:Simulated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_simulated_start_is_refused_without_the_simulated_clock_and_read_with_its_offset_under_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrmSettings.From(Config(("Clock:SimulatedStart", "2026-03-07T12:00:00Z")), Environment(Environments.Development)));
        Assert.Contains("Clock:SimulatedStart", error.Message, StringComparison.Ordinal);

        var settings = CrmSettings.From(Config(("Clock:Simulated", "true"), ("Clock:SimulatedStart", "2026-03-07T07:00:00-05:00")), Environment(Environments.Development));
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero), settings.SimulatedStart);
    }

    [Theory]
    [InlineData("2026-03-07T12:00:00")]
    [InlineData("2026-03-07")]
    [InlineData("tomorrow")]
    public void A_simulated_start_without_its_offset_stops_startup_naming_the_setting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrmSettings.From(Config(("Clock:Simulated", "true"), ("Clock:SimulatedStart", value)), Environment(Environments.Development)));
        Assert.Contains("Clock:SimulatedStart", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Orleans:SiloPort", "eleven")]
    [InlineData("Orleans:GatewayPort", "70000")]
    [InlineData("Orleans:AdvertisedIP", "not-an-ip")]
    [InlineData("Clock:Simulated", "yes")]
    [InlineData("Scheduling:RetryPeriod", "-00:01:00")]
    [InlineData("Orleans:ProbeTimeout", "soon")]
    [InlineData("Orleans:ResponseTimeout", "00:00:00")]
    [InlineData("Orleans:MissedProbesLimit", "0")]
    public void A_bad_setting_stops_startup_with_its_key_in_the_message(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrmSettings.From(Config((key, value)), Environment(Environments.Development)));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_that_joins_a_cluster_as_a_client_needs_the_connection_string()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrmSettings.From(Config(("Api:CoHostSilo", "false")), Environment(Environments.Development)));
        Assert.Contains("ConnectionStrings:Crm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_host_in_production_without_keys_does_not_start()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment(Environments.Production)
            .UseSetting("Crm:PublicBaseUrl", "https://crm.example.test"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Auth:ApiKeys", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_a_host_without_the_public_base_url_of_customer_links_refuses_to_start_naming_the_setting(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrmSettings.From(Config(), Environment(environment)));
        Assert.Contains("Crm:PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_development_customer_links_point_to_localhost_unless_the_public_base_url_is_set()
    {
        Assert.Equal(new Uri("http://localhost:5080"), CrmSettings.From(Config(), Environment(Environments.Development)).PublicBaseUrl);
        Assert.Equal(new Uri("https://crm.example.com/"), CrmSettings.From(Config(("Crm:PublicBaseUrl", "https://crm.example.com")), Environment(Environments.Production)).PublicBaseUrl);
    }

    [Theory]
    [InlineData("crm.example.com")]
    [InlineData("ftp://crm.example.com")]
    [InlineData("https://crm.example.com/?a=1")]
    public void A_public_base_url_that_is_not_an_absolute_http_address_stops_startup_naming_the_setting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrmSettings.From(Config(("Crm:PublicBaseUrl", value)), Environment(Environments.Development)));
        Assert.Contains("Crm:PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_host_in_production_without_the_public_base_url_does_not_start_naming_it()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment(Environments.Production)
            .UseSetting("Auth:ApiKeys:0:Key", "a-long-enough-key-123").UseSetting("Auth:ApiKeys:0:UserId", "ops").UseSetting("Auth:ApiKeys:0:Role", "admin"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Crm:PublicBaseUrl", error.ToString(), StringComparison.Ordinal);
    }
}
