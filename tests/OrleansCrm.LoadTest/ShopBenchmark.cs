using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansCrm.LoadTest;

/// <summary>The shop command's settings.</summary>
internal sealed record ShopOptions(string Url, string Key, int Links, int Agents, int Batch, int ServicePid)
{
    public static ShopOptions Parse(string[] args) => new(
        Args.Value(args, "--url", "http://localhost:5080"),
        Args.Value(args, "--key", "dev-admin-key-0000000000"),
        Args.Int(args, "--links", 100_000),
        Args.Int(args, "--agents", 16),
        Args.Int(args, "--batch", 10_000),
        Args.Int(args, "--service-pid", 0));
}

/// <summary>
/// The nightly linked-order validation over N links and N shop orders. D agents make N calls through the API
/// (dialer/next → start the call → link an order number → confirm), each call linking its own number; the clock is
/// moved 3 h on so the sync covers every call's window; the N shop orders (one per link, by the call's agent, created
/// at the call's instant) are pushed through <c>POST /api/v1/shop/orders</c> in batches; then an admin run is started
/// and timed on the wall clock until its record says finished. Needs the simulated clock (the calls and the orders
/// stand at one instant; the run comes before any night).
/// </summary>
internal static class ShopBenchmark
{
    private const string OutcomeCode = "sale";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ShopOptions.Parse(args);
        if (options.Links < 1 || options.Agents < 1 || options.Batch is < 1 or > 10_000)
        {
            Console.Error.WriteLine("--links and --agents must be at least 1, --batch 1 to 10000");
            return 2;
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(options.Agents, 2), PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false, UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);
        if (!(await http.GetAsync("/api/v1/test-clock")).IsSuccessStatusCode)
        {
            Console.Error.WriteLine("GET /api/v1/test-clock failed: start the service with Clock__Simulated=true.");
            return 1;
        }

        Memory(options, "at the start");
        var campaignId = "bench-shop-" + Guid.NewGuid().ToString("N")[..8];
        (await http.PutAsJsonAsync($"/api/v1/campaigns/{campaignId}", new
        {
            name = "Shop benchmark " + campaignId,
            timeZone = "UTC",
            callingHours = new { start = "00:00", end = "23:59" },
            outcomes = new[] { new { code = OutcomeCode, label = "Sale", type = "N", color = "#00AA00" } },
        })).EnsureSuccessStatusCode();
        if (await CallsBenchmark.ImportLeadsAsync(http, campaignId, options.Links, options.Batch) != options.Links)
        {
            return 1;
        }

        var prefix = Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        var linked = new (string Agent, DateTimeOffset At)[options.Links];
        var next = -1;
        var failures = 0;
        var making = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, options.Agents).Select(async a =>
        {
            var agent = $"bench-rep-{a}";
            int i;
            while ((i = Interlocked.Increment(ref next)) < options.Links)
            {
                if (await LinkedCallAsync(http, campaignId, agent, Number(prefix, i)) is { } at)
                {
                    linked[i] = (agent, at);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var made = options.Links - failures;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Calls with a linked order: {made} in {making.Elapsed.TotalSeconds:0.0} s = {made / making.Elapsed.TotalSeconds:0.0} calls/s ({options.Agents} agents, 4 requests each); {failures} failed"));
        Memory(options, "after the calls");

        // The sync of a run reaches the instant it starts: 3 h on, every call's window (end + 2 h) is covered.
        var now = (await http.GetFromJsonAsync<JsonElement>("/api/v1/test-clock")).GetProperty("now").GetDateTimeOffset();
        (await http.PostAsJsonAsync("/api/v1/test-clock/advance", new { to = now.AddHours(3) })).EnsureSuccessStatusCode();

        var pushing = Stopwatch.StartNew();
        var stored = 0;
        for (var from = 0; from < options.Links; from += options.Batch)
        {
            var rows = Enumerable.Range(from, Math.Min(options.Batch, options.Links - from))
                .Where(i => linked[i].Agent is not null)
                .Select(i => new
                {
                    incrementId = Number(prefix, i),
                    shopOrderId = "bench-" + Number(prefix, i),
                    createdAt = linked[i].At.UtcDateTime.AddSeconds(1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), // whole seconds, not before the call started
                    status = "processing",
                    grandTotal = 49.95m,
                    currency = "USD",
                    salesRep = linked[i].Agent,
                })
                .ToList();
            var response = await http.PostAsJsonAsync("/api/v1/shop/orders", new { orders = rows });
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"POST /api/v1/shop/orders answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return 1;
            }

            stored += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Shop orders pushed: {stored} stored in {pushing.Elapsed.TotalSeconds:0.0} s = {stored / pushing.Elapsed.TotalSeconds:0} orders/s (batches of {options.Batch})"));
        Memory(options, "after the push");

        var runs = (await http.GetFromJsonAsync<JsonElement>("/api/v1/jobs/linked-order-validation/runs")).GetProperty("runs").GetArrayLength();
        var running = Stopwatch.StartNew();
        var started = await http.PostAsync("/api/v1/jobs/linked-order-validation/run", null);
        if (started.StatusCode != HttpStatusCode.Accepted)
        {
            Console.Error.WriteLine($"POST run answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
            return 1;
        }

        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        JsonElement run;
        while (true)
        {
            await poll.WaitForNextTickAsync();
            var all = (await http.GetFromJsonAsync<JsonElement>("/api/v1/jobs/linked-order-validation/runs")).GetProperty("runs");
            run = all.EnumerateArray().First(r => r.GetProperty("runId").GetString() == runId);
            if (run.TryGetProperty("finishedAt", out var f) && f.ValueKind == JsonValueKind.String)
            {
                break;
            }

            if (running.Elapsed > TimeSpan.FromHours(1))
            {
                Console.Error.WriteLine("The run did not finish within an hour.");
                return 1;
            }
        }

        var seconds = running.Elapsed.TotalSeconds;
        var checkedLinks = run.GetProperty("linksChecked").GetInt32();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Validation run {runId}: {checkedLinks} links checked in {seconds:0.0} s = {checkedLinks / seconds:0} links/s; valid {run.GetProperty("valid").GetInt32()}, invalid {run.GetProperty("invalid").GetInt32()}, awaiting sync {run.GetProperty("awaitingSync").GetInt32()}, errors {run.GetProperty("errors").GetInt32()} (runs before: {runs})"));
        Memory(options, "after the run");
        return 0;
    }

    /// <summary>dialer/next → start → link the order number → confirm; the call's instant, or null when a step failed.</summary>
    private static async Task<DateTimeOffset?> LinkedCallAsync(HttpClient http, string campaignId, string agent, string orderNumber)
    {
        var handOut = await http.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/dialer/next", new { agentId = agent });
        if (handOut.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var lease = (await handOut.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leaseId").GetString();
        var call = await http.PostAsJsonAsync("/api/v1/calls", new { campaignId, leaseId = lease, agentId = agent });
        if (call.StatusCode != HttpStatusCode.Created)
        {
            return null;
        }

        var body = await call.Content.ReadFromJsonAsync<JsonElement>();
        var callId = body.GetProperty("id").GetString();
        var at = body.GetProperty("startedAt").GetDateTimeOffset();
        if (!(await http.PutAsJsonAsync($"/api/v1/calls/{callId}/linked-order", new { orderId = orderNumber })).IsSuccessStatusCode)
        {
            return null;
        }

        return (await http.PostAsJsonAsync($"/api/v1/calls/{callId}/outcome", new { code = OutcomeCode })).IsSuccessStatusCode ? at : null;
    }

    private static string Number(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D7}");

    /// <summary>The service's resident memory and its peak so far (/proc), when its pid is given.</summary>
    private static void Memory(ShopOptions options, string when)
    {
        if (options.ServicePid == 0 || !File.Exists($"/proc/{options.ServicePid}/status"))
        {
            return;
        }

        var lines = File.ReadAllLines($"/proc/{options.ServicePid}/status");
        string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[(name.Length + 1)..].Trim() ?? "?";
        Console.WriteLine($"Service memory {when}: RSS {Field("VmRSS")}, peak {Field("VmHWM")}");
    }
}
