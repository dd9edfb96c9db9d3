using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using OrleansCrm.Grains.Customers;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// A silo process is killed (SIGKILL, as <c>kill -9</c>) with a request in flight to it: the api's silo notices
/// through its membership probes and the request answers 503 with Retry-After, not a 500 at the response timeout.
/// </summary>
public sealed class DeadSiloOnPostgresTests : IAsyncLifetime
{
    private readonly string clusterId = "dead-silo-" + Guid.NewGuid().ToString("N")[..8];
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("deadsilo");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_grain_call_to_a_silo_that_died_answers_503_with_Retry_After()
    {
        using var doomed = StartSiloProcess();
        try
        {
            await using var api = new ClusterApiFactory(database.ConnectionString, clusterId);
            var admin = api.Admin();
            // Customers live only on the silo process; wait until it has joined and answers (404: its customer grain did).
            await Eventually.WaitForAsync(() => admin.GetAsync("/api/v1/customers/cus_probe"), r => r.StatusCode == HttpStatusCode.NotFound, TimeSpan.FromSeconds(90));

            // The customer's directory write waits on a table lock: the request is in flight on the silo when it dies.
            await using var holdsTheTable = new NpgsqlConnection(database.ConnectionString);
            await holdsTheTable.OpenAsync();
            await using var lockTable = await holdsTheTable.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand("LOCK TABLE crm_customers IN EXCLUSIVE MODE", holdsTheTable, lockTable))
            {
                await command.ExecuteNonQueryAsync();
            }

            var inFlight = admin.PostAsJsonAsync("/api/v1/customers", Payloads.Customer("Gate Keeper"));
            await Eventually.WaitForAsync(
                () => database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"),
                waiting => waiting > 0,
                TimeSpan.FromSeconds(60));
            doomed.Kill(entireProcessTree: true);
            var response = await inFlight;

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to retry");
            Assert.Equal(503, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
        finally
        {
            if (!doomed.HasExited)
            {
                doomed.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The headless silo host of this build as its own process, in the test's cluster.</summary>
    private Process StartSiloProcess() => SiloProcess.Start(database.ConnectionString, clusterId);

    /// <summary>The api with its co-hosted silo in the test's cluster; it hosts no customers, so they are placed on the silo process.</summary>
    private sealed class ClusterApiFactory(string connectionString, string clusterId) : CrmApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = connectionString,
            ["Orleans:ClusterId"] = clusterId,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<GrainTypeOptions>(o => o.Classes.Remove(typeof(CustomerGrain))));
        }
    }
}
