using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts.Shop;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The nightly validation job through its grain and its (simulated) reminder, on a clock started at a chosen instant
/// (<c>Clock:SimulatedStart</c>), in memory and on PostgreSQL: a second run refused while one is held at its sync,
/// the 02:00 America/New_York night on both DST days of 2026, and nights missed caught up by one run.
/// </summary>
public sealed class LinkedOrderValidationJobApiTests
{
    private const string Runs = "/api/v1/jobs/linked-order-validation/runs";
    private const string RunNow = "/api/v1/jobs/linked-order-validation/run";

    private static readonly DateTimeOffset BeforeSpringForward = new(2026, 3, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BeforeFallBack = new(2026, 10, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_now_is_refused_with_409_while_a_run_is_under_way_and_taken_again_once_it_finished(bool onPostgres)
    {
        await using var database = onPostgres ? await TestDatabase.CreateMigratedAsync("shop_job_409") : null;
        var held = new HeldShopSync();
        await using var api = new ShopJobApiFactory(database?.ConnectionString, BeforeSpringForward, held);
        var admin = api.Admin();

        var first = await admin.PostAsync(RunNow, null);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var runId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        await held.Entered.WaitAsync(TimeSpan.FromSeconds(30)); // the run is in its sync, and stays there

        var refused = await (await admin.PostAsync(RunNow, null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(runId, refused.Detail, StringComparison.Ordinal);
        var open = Assert.Single((await RunsAsync(admin)).GetProperty("runs").EnumerateArray());
        Assert.False(IsFinished(open));

        held.Release();
        Assert.Equal(runId, (await FinishedRunsAsync(admin, 1))[0].GetProperty("runId").GetString());
        var again = await admin.PostAsync(RunNow, null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.NotEqual(runId, (await FinishedRunsAsync(admin, 2))[0].GetProperty("runId").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task On_the_spring_forward_day_the_night_runs_once_at_03_00_EDT_which_is_07_00Z_between_nights_at_02_00(bool onPostgres)
    {
        await using var database = onPostgres ? await TestDatabase.CreateMigratedAsync("shop_job_spring") : null;
        await using var api = new ShopJobApiFactory(database?.ConnectionString, BeforeSpringForward);

        var nights = await RunNightsAsync(api.Admin(), 3);

        Assert.Equal(
            [
                ("2026-03-07", Utc(2026, 3, 7, 7)), // 02:00 EST
                ("2026-03-08", Utc(2026, 3, 8, 7)), // 02:00 does not exist: 03:00 EDT
                ("2026-03-09", Utc(2026, 3, 9, 6)), // 02:00 EDT
            ],
            nights);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task On_the_fall_back_day_the_night_runs_once_at_02_00_EST_which_is_07_00Z_although_01_00_repeats(bool onPostgres)
    {
        await using var database = onPostgres ? await TestDatabase.CreateMigratedAsync("shop_job_fall") : null;
        await using var api = new ShopJobApiFactory(database?.ConnectionString, BeforeFallBack);

        var nights = await RunNightsAsync(api.Admin(), 3);

        Assert.Equal(
            [
                ("2026-10-31", Utc(2026, 10, 31, 6)), // 02:00 EDT
                ("2026-11-01", Utc(2026, 11, 1, 7)), // 01:00–01:59 twice, 02:00 EST once
                ("2026-11-02", Utc(2026, 11, 2, 7)), // 02:00 EST
            ],
            nights);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Nights_that_pass_while_a_run_is_held_are_caught_up_by_one_run_for_the_latest_night(bool onPostgres)
    {
        await using var database = onPostgres ? await TestDatabase.CreateMigratedAsync("shop_job_held_nights") : null;
        var held = new HeldShopSync();
        await using var api = new ShopJobApiFactory(database?.ConnectionString, BeforeSpringForward, held, new Dictionary<string, string?> { ["Shop:Validation:StallAfter"] = "10.00:00:00" });
        var admin = api.Admin();
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync(RunNow, null)).StatusCode);
        await held.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        // Four nights (03-07 … 03-10) pass while the manual run is held in its sync.
        await SimulatedClockMoves.MoveToAtLeastAsync(admin, Utc(2026, 3, 10, 12));
        held.Release();
        await FinishedRunsAsync(admin, 1);

        // The nights due while it ran wait for it, and are then one run, for the latest night, one retry period later.
        await SimulatedClockMoves.MoveToAtLeastAsync(admin, Utc(2026, 3, 10, 12).AddMinutes(2));
        var runs = await FinishedRunsAsync(admin, 2);
        Assert.Equal(["Nightly", "Manual"], runs.Select(r => r.GetProperty("trigger").GetString()!));
        Assert.Equal("2026-03-10", runs[0].GetProperty("businessDate").GetString());
        Assert.Equal(Utc(2026, 3, 11, 6), (await RunsAsync(admin)).GetProperty("nextRunAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Nights_missed_while_the_cluster_was_down_are_caught_up_by_one_run_for_the_latest_when_it_is_back_on_postgres()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("shop_job_down");
        await using (var before = new ShopJobApiFactory(database.ConnectionString, BeforeSpringForward))
        {
            Assert.Equal([("2026-03-07", Utc(2026, 3, 7, 7))], await RunNightsAsync(before.Admin(), 1));
        }

        // The cluster is down from 03-07 noon until 03-10 noon: the nights of 03-08, 03-09 and 03-10 pass unrun.
        var back = Utc(2026, 3, 10, 12);
        await using var after = new ShopJobApiFactory(database.ConnectionString, back);
        var admin = after.Admin();
        await after.Services.GetRequiredService<IGrainFactory>().GetGrain<ILinkedOrderValidationJobGrain>(ShopJobs.LinkedOrderValidation).EnsureScheduledAsync(); // as the silo's start does (arming twice is arming once)
        await SimulatedClockMoves.MoveToAtLeastAsync(admin, back.AddMinutes(2));

        var runs = await FinishedRunsAsync(admin, 2);
        Assert.Equal(["2026-03-10", "2026-03-07"], runs.Select(r => r.GetProperty("businessDate").GetString()!));
        Assert.Equal(back.AddMinutes(1), runs[0].GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(Utc(2026, 3, 11, 6), (await RunsAsync(admin)).GetProperty("nextRunAt").GetDateTimeOffset());
    }

    /// <summary>Moves the clock to each next nightly instant in turn; each move makes exactly one run. Their business dates and start instants.</summary>
    private static async Task<List<(string BusinessDate, DateTimeOffset StartedAt)>> RunNightsAsync(HttpClient admin, int nights)
    {
        var seen = new List<(string, DateTimeOffset)>();
        for (var i = 1; i <= nights; i++)
        {
            var next = (await Eventually.WaitForAsync(() => RunsAsync(admin), r => r.GetProperty("nextRunAt").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(30)))
                .GetProperty("nextRunAt").GetDateTimeOffset();
            await SimulatedClockMoves.MoveToAtLeastAsync(admin, next);
            var run = (await FinishedRunsAsync(admin, i))[0];
            Assert.Equal("Nightly", run.GetProperty("trigger").GetString());
            seen.Add((run.GetProperty("businessDate").GetString()!, run.GetProperty("startedAt").GetDateTimeOffset()));
        }

        return seen;
    }

    /// <summary>Waits until there are <paramref name="count"/> runs and the newest has finished; then there must be exactly that many.</summary>
    private static async Task<List<JsonElement>> FinishedRunsAsync(HttpClient admin, int count)
    {
        var runs = (await Eventually.WaitForAsync(
            () => RunsAsync(admin),
            r => r.GetProperty("runs").GetArrayLength() >= count && IsFinished(r.GetProperty("runs")[0]),
            TimeSpan.FromSeconds(30))).GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(count, runs.Count);
        return runs;
    }

    private static bool IsFinished(JsonElement run) => run.TryGetProperty("finishedAt", out var f) && f.ValueKind == JsonValueKind.String;

    private static async Task<JsonElement> RunsAsync(HttpClient admin) => await admin.GetFromJsonAsync<JsonElement>(Runs);

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
