using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// A headless silo process, as the deploy files run it (its probes on <c>Silo:HealthPort</c>, a drain delay): on
/// SIGTERM its readiness turns 503 ("draining") while it still runs, then it leaves the cluster cleanly — its
/// membership row says Dead, written by itself — and exits 0. The <c>probe</c> verb the images' health checks run
/// answers 0 for a healthy endpoint and 1 for one that does not answer.
/// </summary>
public sealed class GracefulShutdownOnPostgresTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly string clusterId = "graceful-" + Guid.NewGuid().ToString("N")[..8];
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("graceful");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task On_SIGTERM_a_silo_reports_not_ready_first_then_leaves_the_cluster_cleanly_and_exits_0()
    {
        var healthPort = Ports.Free();
        using var silo = SiloProcess.Start(database.ConnectionString, clusterId, new Dictionary<string, string>
        {
            ["Silo__HealthPort"] = healthPort.ToString(CultureInfo.InvariantCulture),
            ["Shutdown__DrainDelay"] = "00:00:03",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}") };
            await Eventually.WaitForAsync(() => StatusAsync(http, "/health/ready"), s => s == HttpStatusCode.OK, Wait);
            Assert.Equal(0, await SiloProcess.ProbeAsync($"http://127.0.0.1:{healthPort}/health/live"));
            Assert.Equal(3L, await MembershipStatusAsync());

            SiloProcess.Terminate(silo);

            var draining = await Eventually.WaitForAsync(() => ReadyAnswerAsync(http), a => a.Status == HttpStatusCode.ServiceUnavailable, Wait);
            Assert.False(silo.HasExited, "readiness turns false while the silo still runs");
            Assert.Equal("draining", draining.Body.GetProperty("checks").GetProperty("shutdown").GetString());
            await silo.WaitForExitAsync(new CancellationTokenSource(Wait).Token);
            Assert.Equal(0, silo.ExitCode);
            Assert.Equal(6L, await MembershipStatusAsync()); // SiloStatus.Dead, written by the silo as it left
            Assert.Equal(1, await SiloProcess.ProbeAsync($"http://127.0.0.1:{healthPort}/health/live"));
        }
        finally
        {
            if (!silo.HasExited)
            {
                silo.Kill(entireProcessTree: true);
            }
        }
    }

    private Task<long> MembershipStatusAsync() =>
        Eventually.WaitForAsync(() => database.ScalarAsync<long>($"SELECT coalesce(max(status), 0)::bigint FROM orleans_membership WHERE deployment_id = '{clusterId}'"), s => s > 0, Wait);

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAnswerAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
