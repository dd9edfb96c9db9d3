using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansCrm.LoadTest;

/// <summary>The wallboard command's settings.</summary>
internal sealed record WallboardLoadOptions(string Url, string Key, int Agents, int Campaigns, int Rate, int Seconds, int Screens, int ApiPid)
{
    public static WallboardLoadOptions Parse(string[] args) => new(
        Args.Value(args, "--url", "http://localhost:5080"),
        Args.Value(args, "--key", "dev-admin-key-0000000000"),
        Args.Int(args, "--agents", 200),
        Args.Int(args, "--campaigns", 20),
        Args.Int(args, "--rate", 150),
        Args.Int(args, "--seconds", 60),
        Args.Int(args, "--screens", 2),
        Args.Int(args, "--api-pid", 0));
}

/// <summary>
/// A call center on the wallboard: A agents over C campaigns confirm outcomes at R a second in total (each agent paced
/// on its own schedule: dialer/next → start → outcome), while S screens hold the wallboard stream of all campaigns and
/// one supervisor asks for the snapshot every second. Measures the snapshot's latency, the stream's lag (from an
/// outcome's confirmation returning to the first agent event counting it) and, with --api-pid, the api's CPU over the
/// window. Bounded: --seconds, and a lead supply per campaign; every loop stops at the deadline.
/// </summary>
internal static class WallboardBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = WallboardLoadOptions.Parse(args);
        if (o.Agents < 1 || o.Campaigns < 1 || o.Campaigns > 50 || o.Rate < 1 || o.Seconds is < 1 or > 600 || o.Screens < 0)
        {
            Console.Error.WriteLine("--agents, --rate at least 1; --campaigns 1 to 50; --seconds 1 to 600; --screens at least 0");
            return 2;
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = o.Agents + o.Screens + 4, UseCookies = false, UseProxy = false, AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(o.Url), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", o.Key);

        var run = Guid.NewGuid().ToString("N")[..6];
        var campaigns = Enumerable.Range(0, o.Campaigns).Select(i => $"wb-{run}-{i:D2}").ToArray();
        var leadsEach = (int)Math.Ceiling(o.Rate * (o.Seconds + 10.0) / o.Campaigns);
        foreach (var id in campaigns)
        {
            (await http.PutAsJsonAsync($"/api/v1/campaigns/{id}", new
            {
                name = "Wallboard benchmark " + id,
                timeZone = "UTC",
                callingHours = new { start = "00:00", end = "23:59" },
                outcomes = new object[]
                {
                    new { code = "sale", label = "Sale", type = "N", color = "#2E7D32", sale = true },
                    new { code = "not-interested", label = "Not interested", type = "N", color = "#795548" },
                },
            })).EnsureSuccessStatusCode();
            if (await CallsBenchmark.ImportLeadsAsync(http, id, leadsEach, 2_000) < 0)
            {
                return 1;
            }
        }

        var board = string.Join(',', campaigns);
        var deadline = Stopwatch.GetTimestamp() + (long)(o.Seconds * (double)Stopwatch.Frequency);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Seconds + 30));
        var confirmedAt = new ConcurrentDictionary<(string Agent, int Calls), long>();
        var lags = new Latencies();
        var lagGate = new Lock();
        var cpuBefore = ApiCpu(o.ApiPid);
        var wall = Stopwatch.StartNew();

        var screens = Enumerable.Range(0, o.Screens).Select(s => WatchAsync(http, board, s == 0 ? confirmedAt : null, lags, lagGate, deadline, stop.Token)).ToArray();
        var snapshots = new Latencies();
        var supervisor = SnapshotLoopAsync(http, board, snapshots, deadline);
        var period = TimeSpan.FromSeconds(o.Agents / (double)o.Rate);
        var errors = 0;
        var confirmed = 0;
        var agents = Enumerable.Range(0, o.Agents).Select(async a =>
        {
            var agent = $"wb-{run}-agent-{a:D3}";
            var campaign = campaigns[a % campaigns.Length];
            var calls = 0;
            var next = Stopwatch.GetTimestamp() + (long)(period.TotalSeconds * Stopwatch.Frequency * a / o.Agents);
            while (next < deadline)
            {
                var wait = Latencies.Milliseconds(Stopwatch.GetTimestamp(), next);
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait));
                }

                next += (long)(period.TotalSeconds * Stopwatch.Frequency);
                try
                {
                    var lease = await http.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/dialer/next", new { agentId = agent });
                    if (lease.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }

                    var handOut = await lease.Content.ReadFromJsonAsync<JsonElement>();
                    var started = await http.PostAsJsonAsync("/api/v1/calls", new { campaignId = campaign, leaseId = handOut.GetProperty("leaseId").GetString(), agentId = agent });
                    var callId = (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
                    var code = Random.Shared.Next(4) == 0 ? "sale" : "not-interested";
                    (await http.PostAsJsonAsync($"/api/v1/calls/{callId}/outcome", new { code, comment = "bench" })).EnsureSuccessStatusCode();
                    confirmedAt[(agent, ++calls)] = Stopwatch.GetTimestamp();
                    Interlocked.Increment(ref confirmed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();

        await Task.WhenAll(agents);
        var seconds = wall.Elapsed.TotalSeconds;
        var cpuAfter = ApiCpu(o.ApiPid);
        await supervisor;
        await stop.CancelAsync();
        await Task.WhenAll(screens.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wallboard: {o.Agents} agents, {o.Campaigns} campaigns, {confirmed} outcomes in {seconds:F1} s = {confirmed / seconds:F1}/s (asked {o.Rate}/s), {errors} errors, {o.Screens} screens"));
        Console.WriteLine("snapshot latency ms: " + snapshots.Summary());
        lock (lagGate)
        {
            Console.WriteLine("stream lag ms (outcome confirmed → agent event): " + lags.Summary());
        }

        if (cpuBefore is { } before && cpuAfter is { } after)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"api CPU: {(after - before).TotalSeconds:F1} s over {seconds:F1} s = {(after - before).TotalSeconds / seconds * 100:F0} % of one core"));
        }

        return 0;
    }

    private static async Task SnapshotLoopAsync(HttpClient http, string board, Latencies latencies, long deadline)
    {
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync($"/api/v1/wallboard?campaignId={board}");
            await response.Content.ReadAsByteArrayAsync();
            var end = Stopwatch.GetTimestamp();
            if (response.IsSuccessStatusCode)
            {
                latencies.Add(Latencies.Milliseconds(start, end));
            }

            var rest = 1000 - Latencies.Milliseconds(start, end);
            if (rest > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(rest));
            }
        }
    }

    /// <summary>One screen: reads the stream; the first screen also matches agent events to confirmations for the lag.</summary>
    private static async Task WatchAsync(HttpClient http, string board, ConcurrentDictionary<(string Agent, int Calls), long>? confirmedAt, Latencies lags, Lock lagGate, long deadline, CancellationToken stop)
    {
        using var response = await http.GetAsync($"/api/v1/wallboard/stream?campaignId={board}", HttpCompletionOption.ResponseHeadersRead, stop);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
        var type = "";
        while (!stop.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline + Stopwatch.Frequency * 5)
        {
            var line = await reader.ReadLineAsync(stop);
            if (line is null)
            {
                return;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "agent" && confirmedAt is not null)
            {
                var now = Stopwatch.GetTimestamp();
                using var row = JsonDocument.Parse(line[6..]);
                var agent = row.RootElement.GetProperty("agentId").GetString()!;
                var calls = row.RootElement.GetProperty("calls").GetInt32();
                for (var n = calls; n > 0 && confirmedAt.TryRemove((agent, n), out var at); n--)
                {
                    lock (lagGate)
                    {
                        lags.Add(Latencies.Milliseconds(at, now));
                    }
                }
            }
        }
    }

    /// <summary>The api process's CPU time so far (user + system), from /proc; null without a pid.</summary>
    private static TimeSpan? ApiCpu(int pid)
    {
        if (pid <= 0)
        {
            return null;
        }

        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
