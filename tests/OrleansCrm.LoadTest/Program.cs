using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.LoadTest;

// Benchmarks against a running OrleansCrm. Every loop is bounded.
//   orders (service started with Clock__Simulated=true):
//   dotnet run -c Release --project tests/OrleansCrm.LoadTest -- orders [--url http://localhost:5080] [--orders 10000] [--concurrency 32]
//   calls (normal clock is fine; the campaign calls all day in UTC):
//   dotnet run -c Release --project tests/OrleansCrm.LoadTest -- calls [--url http://localhost:5080] [--agents 16] [--seconds 30] [--warmup 5] [--leads 60000] [--batch 2000]
//   leads (one campaign, N leads imported, hand-outs timed, the dialer reloaded and its first hand-out timed):
//   dotnet run -c Release --project tests/OrleansCrm.LoadTest -- leads [--url http://localhost:5080] [--leads 100000] [--batch 2000] [--concurrency 1] [--agents 8] [--handouts 4000] [--pid SERVICE_PID] [--campaign ID]
//   wallboard (normal clock; campaigns call all day in UTC; --api-pid for the api's CPU):
//   dotnet run -c Release --project tests/OrleansCrm.LoadTest -- wallboard [--url http://localhost:5080] [--agents 200] [--campaigns 20] [--rate 150] [--seconds 60] [--screens 2] [--api-pid PID]
//   reminders (service with Clock__Simulated=true, Smtp__Host=127.0.0.1, Smtp__Port=2526, Smtp__Security=None):
//   dotnet run -c Release --project tests/OrleansCrm.LoadTest -- reminders [--url http://localhost:5080] [--bookings 10000] [--concurrency 16] [--smtp-port 2526] [--timeout 900]
//   storm (service with Clock__Simulated=true and Smtp__* as for reminders; --pg: the service's database, for commits and the ledger):
//   dotnet run -c Release --project tests/OrleansCrm.LoadTest -- storm [--orders 10000] [--concurrency 32] [--smtp-port 2526] [--pg CONN] [--timeout 1800]
//   trials (service on the real clock; --pid: the service's process id, for its memory):
//   dotnet run -c Release --project tests/OrleansCrm.LoadTest -- trials [--orders 100000] [--concurrency 32] [--pid PID] [--pg CONN] [--fire 100] [--fire-in 240]
//   then restart the service and: trials --check trials-fire.txt [--pid PID] [--pg CONN]
//   shop (service with Clock__Simulated=true): N calls with linked orders, N shop orders pushed, one validation run timed:
//   dotnet run -c Release --project tests/OrleansCrm.LoadTest -- shop [--url http://localhost:5080] [--links 100000] [--agents 16] [--batch 10000] [--service-pid PID]
if (args.Length > 0 && args[0] == "calls")
{
    return await CallsBenchmark.RunAsync(args);
}

if (args.Length > 0 && args[0] == "leads")
{
    return await LeadsBenchmark.RunAsync(args);
}

if (args.Length > 0 && args[0] == "storm")
{
    return await StormBenchmark.RunAsync(args);
}

if (args.Length > 0 && args[0] == "trials")
{
    return await TrialsBenchmark.RunAsync(args);
}

if (args.Length > 0 && args[0] == "shop")
{
    return await ShopBenchmark.RunAsync(args);
}

if (args.Length > 0 && args[0] == "wallboard")
{
    return await WallboardBenchmark.RunAsync(args);
}

if (args.Length > 0 && args[0] == "reminders")
{
    return await RemindersBenchmark.RunAsync(args);
}

var options = Options.Parse(args);
if (options.Command != "orders")
{
    Console.Error.WriteLine("usage: orders [--url URL] [--key ADMIN_KEY] [--orders N] [--concurrency C] [--customers K]");
    Console.Error.WriteLine("       calls [--url URL] [--key ADMIN_KEY] [--agents D] [--seconds S] [--warmup W] [--leads N] [--batch B]");
    Console.Error.WriteLine("       leads [--url URL] [--key ADMIN_KEY] [--leads N] [--batch B] [--concurrency C] [--agents D] [--handouts H] [--pid P] [--campaign ID]");
    Console.Error.WriteLine("       wallboard [--url URL] [--key ADMIN_KEY] [--agents A] [--campaigns C] [--rate R] [--seconds S] [--screens N] [--api-pid PID]");
    Console.Error.WriteLine("       reminders [--url URL] [--key ADMIN_KEY] [--bookings N] [--concurrency C] [--smtp-port P] [--timeout S]");
    Console.Error.WriteLine("       storm [--url URL] [--key ADMIN_KEY] [--orders N] [--concurrency C] [--smtp-port P] [--pg CONN] [--timeout S]");
    Console.Error.WriteLine("       trials [--url URL] [--key ADMIN_KEY] [--orders N] [--concurrency C] [--customers K] [--pid PID] [--pg CONN] [--fire K] [--fire-in S] [--check FILE]");
    Console.Error.WriteLine("       shop [--url URL] [--key ADMIN_KEY] [--links N] [--agents D] [--batch B] [--service-pid PID]");
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromMinutes(30) };
http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);

var clock = await http.GetAsync("/api/v1/test-clock");
if (!clock.IsSuccessStatusCode)
{
    Console.Error.WriteLine($"GET /api/v1/test-clock answered {(int)clock.StatusCode}: start the service with Clock__Simulated=true.");
    return 1;
}

var offerId = "bench-" + Guid.NewGuid().ToString("N")[..8];
(await http.PutAsJsonAsync($"/api/v1/offers/{offerId}", new
{
    name = "Benchmark cream",
    productPrice = new Dictionary<string, decimal> { ["USD"] = 49.95m },
    shippingAndHandling = new Dictionary<string, decimal> { ["USD"] = 4.95m },
})).EnsureSuccessStatusCode();

var customers = new string[options.Customers];
for (var i = 0; i < customers.Length; i++)
{
    var created = await http.PostAsJsonAsync("/api/v1/customers", new { name = $"Bench Customer {i}", email = $"bench{i}@example.test", phone = "+15555550100", timeZone = "America/New_York" });
    created.EnsureSuccessStatusCode();
    customers[i] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
}

var start = (await http.GetFromJsonAsync<JsonElement>("/api/v1/test-clock")).GetProperty("now").GetDateTimeOffset();
Console.WriteLine($"Placing {options.Orders} trial orders, {options.Concurrency} at a time, at simulated {start:O}");
var latencies = new double[options.Orders];
var failures = 0;
var next = -1;
var placing = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < options.Orders)
    {
        var watch = Stopwatch.StartNew();
        var response = await http.PostAsJsonAsync("/api/v1/orders", new
        {
            customerId = customers[i % customers.Length],
            offerId,
            currency = "USD",
            trial = true,
            cardToken = "tok_approve_bench",
        });
        latencies[i] = watch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref failures);
        }
    }
}));
placing.Stop();
Report("POST /api/v1/orders", options.Orders, failures, placing.Elapsed, latencies);

var toDay14 = await Advance(http, start.AddDays(14));
Console.WriteLine($"Clock to day 14 (trial reminders and extension offers, {2 * options.Orders} emails): {toDay14.TotalSeconds:0.0} s");
var toDay15 = await Advance(http, start.AddDays(15));
Console.WriteLine($"Clock to day 15 (trial-end charges of {options.Orders} orders falling due at once, each with its payment confirmation): {toDay15.TotalSeconds:0.0} s = {options.Orders / toDay15.TotalSeconds:0} charges/s");

var paid = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/orders?status=Paid&take=1&from={Uri.EscapeDataString(start.AddSeconds(-1).ToString("O"))}")).GetProperty("total").GetInt32();
Console.WriteLine($"Orders now Paid: {paid} of {options.Orders - failures} placed");
return paid == options.Orders - failures ? 0 : 1;

static async Task<TimeSpan> Advance(HttpClient http, DateTimeOffset to)
{
    var watch = Stopwatch.StartNew();
    var response = await http.PostAsJsonAsync("/api/v1/test-clock/advance", new { to });
    response.EnsureSuccessStatusCode();
    return watch.Elapsed;
}

static void Report(string route, int count, int failures, TimeSpan elapsed, double[] latencies)
{
    var sorted = latencies.Order().ToArray();
    double P(double q) => Latencies.Percentile(sorted, q);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{route}: {count} in {elapsed.TotalSeconds:0.0} s = {count / elapsed.TotalSeconds:0} /s, failures {failures}; latency ms p50 {P(0.50):0.0} p95 {P(0.95):0.0} p99 {P(0.99):0.0}"));
}

internal sealed record Options(string Command, string Url, string Key, int Orders, int Concurrency, int Customers)
{
    public static Options Parse(string[] args) => new(
        args.Length > 0 ? args[0] : "",
        Args.Value(args, "--url", "http://localhost:5080"),
        Args.Value(args, "--key", "dev-admin-key-0000000000"),
        Args.Int(args, "--orders", 10000),
        Args.Int(args, "--concurrency", 32),
        Args.Int(args, "--customers", 200));
}
