using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The api host with its co-hosted silo, in-memory, on free ports, with the development keys.
/// Business time is a <see cref="FakeTimeProvider"/> unless the simulated clock is asked for.
/// </summary>
public class CrmApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "dev-admin-key-0000000000";
    public const string SupervisorKey = "dev-supervisor-key-00000";
    public const string AgentKey = "dev-agent-key-0000000000";

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", "api-tests-" + Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (FakeTime)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(new CrmClock(Time)));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The api in preview mode: the simulated clock and its admin routes.</summary>
public sealed class SimulatedClockApiFactory : CrmApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Clock:Simulated"] = "true" };

    protected override bool FakeTime => false;
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<CrmApiFactory>
{
    public const string Name = "api";
}

public static class HttpAssertions
{
    /// <summary>Asserts an RFC 9457 problem response with the status, and returns its body.</summary>
    public static async Task<ProblemBody> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.NotNull(body);
        Assert.Equal((int)status, body.Status);
        Assert.False(string.IsNullOrWhiteSpace(body.Title));
        return body;
    }
}

public sealed record ProblemBody(string? Type, string? Title, int Status, string? Detail, Dictionary<string, string[]>? Errors);
