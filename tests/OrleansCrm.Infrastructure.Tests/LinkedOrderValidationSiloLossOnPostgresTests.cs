using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts.Shop;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// Two real silo processes on PostgreSQL run the nightly validation (its cron every minute, so the night is today's
/// business date); its sync pulls from a local Magento-shaped shop that holds the second page. The silo of the job
/// (and of its run) is killed with SIGKILL while the run is held there: the surviving silo reactivates the job from
/// its state, hands the stalled run out again and finishes it — one run for the business date, one verdict per link.
/// </summary>
public sealed class LinkedOrderValidationSiloLossOnPostgresTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private readonly string clusterId = "shop-loss-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<(Process Process, int SiloPort)> silos = [];
    private TestDatabase database = null!;
    private MagentoShopSink shop = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("shop_silo_loss");
        shop = await MagentoShopSink.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (process, _) in silos)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }

        await shop.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_run_whose_silo_is_killed_mid_sync_is_finished_by_the_surviving_silo_once_for_its_business_date_with_one_verdict_per_link()
    {
        var rep = "rep-" + TestValues.Letters(8);
        var numbers = Enumerable.Range(0, 3).Select(i => "1" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture)).ToList();
        var created = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        for (var i = 0; i < numbers.Count; i++)
        {
            shop.AddOrder(1000 + i, numbers[i], created, created, "shop." + rep);
        }

        shop.HoldFromPage = 2; // two orders a page: the sync stores page 1, then waits on page 2
        silos.Add(StartSilo());
        silos.Add(StartSilo());
        await Eventually.WaitForAsync(() => database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = 3"), n => n == 2, TimeSpan.FromSeconds(120));

        await using var api = new ClientApiFactory(database.ConnectionString, clusterId);
        var admin = api.Admin();
        var driver = new CallDriver(admin);
        (await admin.PutAsJsonAsync($"/api/v1/agents/{rep}", new { name = rep, shopUser = "shop." + rep })).EnsureSuccessStatusCode();
        var campaign = await driver.CreateCampaignAsync();
        var calls = new List<string>();
        foreach (var number in numbers)
        {
            await driver.AddLeadAsync(campaign, TestValues.Phone());
            var callId = await driver.DialOrFailAsync(campaign, rep);
            (await admin.PutAsJsonAsync($"/api/v1/calls/{callId}/linked-order", new { orderId = number })).EnsureSuccessStatusCode();
            await driver.ConfirmOkAsync(callId, new { code = "completed" });
            calls.Add(callId);
        }

        // The night's run (the cron's next minute) is in its sync, held on page 2, on the job's silo.
        await shop.HeldPageRequested.WaitAsync(TimeSpan.FromSeconds(150));
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var job = grains.GetGrain<ILinkedOrderValidationJobGrain>(ShopJobs.LinkedOrderValidation);
        var held = Assert.Single((await job.GetRunsAsync()).Runs);
        Assert.Null(held.FinishedAt);
        var management = grains.GetGrain<IManagementGrain>(0);
        var jobSilo = (await management.GetActivationAddress(job))!;
        Assert.Equal(jobSilo, await management.GetActivationAddress(grains.GetGrain<ILinkedOrderValidationRunGrain>(held.RunId)));
        var doomed = silos.Single(s => s.SiloPort == jobSilo.Endpoint.Port);

        doomed.Process.Kill(); // SIGKILL, as kill -9 <pid>
        await doomed.Process.WaitForExitAsync();
        shop.ReleaseHeldPages();

        var finished = await Eventually.WaitForAsync(() => RunsOrNullAsync(job), r => r is { Runs: [{ FinishedAt: not null }, ..] }, TimeSpan.FromSeconds(180));
        var run = Assert.Single(finished!.Runs);
        Assert.Equal(held.RunId, run.RunId);
        Assert.Equal(ValidationRunRecord.Nightly, run.Trigger);
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(run.StartedAt, NewYork).DateTime), run.BusinessDate);
        Assert.Null(run.SyncError);
        Assert.Equal(numbers.Count, run.LinksChecked);
        var survivor = silos.Single(s => s != doomed);
        Assert.Equal(survivor.SiloPort, (await management.GetActivationAddress(job))!.Endpoint.Port);

        foreach (var callId in calls)
        {
            var verdicts = (await driver.CallAsync(callId)).GetProperty("linkedOrder").GetProperty("history").EnumerateArray()
                .Where(h => h.GetProperty("runId").GetString() == run.RunId)
                .Select(h => h.GetProperty("status").GetString() + ":" + string.Join(',', h.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())))
                .ToList();
            Assert.NotEmpty(verdicts);
            Assert.Single(verdicts.Distinct());
        }

        // The next tick (the cron's next minute, on the survivor) finds the business date already run.
        var next = finished.NextRunAt;
        var later = await Eventually.WaitForAsync(() => RunsOrNullAsync(job), r => r is not null && r.NextRunAt > next, TimeSpan.FromSeconds(150));
        if (later!.Runs[0].BusinessDate == run.BusinessDate)
        {
            Assert.Single(later.Runs);
        }
    }

    /// <summary>The job's runs, or null while a call to it fails (its silo was just lost).</summary>
    private static async Task<ValidationRuns?> RunsOrNullAsync(ILinkedOrderValidationJobGrain job)
    {
        try
        {
            return await job.GetRunsAsync();
        }
        catch (Exception ex) when (ex is TimeoutException or SiloUnavailableException or OrleansException)
        {
            return null;
        }
    }

    private (Process, int) StartSilo()
    {
        var port = Ports.Free();
        return (SiloProcess.Start(database.ConnectionString, clusterId, new Dictionary<string, string>
        {
            ["Orleans__SiloPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Shop__Magento__BaseUrl"] = shop.BaseUrl.AbsoluteUri,
            ["Shop__Magento__Token"] = MagentoShopSink.Token,
            ["Shop__Magento__PageSize"] = "2",
            ["Shop__Validation__Cron"] = "* * * * *",
            ["Shop__Validation__StallAfter"] = "00:00:15",
        }), port);
    }

    /// <summary>The api as a cluster client of the two silo processes (it hosts no grains), on real time.</summary>
    private sealed class ClientApiFactory(string connectionString, string clusterId) : CrmApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = connectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Api:CoHostSilo"] = "false",
            ["Crm:PublicBaseUrl"] = "https://crm.example.test",
        };

        protected override bool FakeTime => false;

        /// <summary>
        /// Development validates every service at build, and a cluster client has no reminder table for the silo-side
        /// scheduler the shared registration adds (never resolved in a client); the client api in Production skips that check too.
        /// </summary>
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseDefaultServiceProvider(o => o.ValidateOnBuild = false);
        }
    }
}
