using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansCrm.LoadTest;

/// <summary>The trials command's settings.</summary>
internal sealed record TrialsOptions(string Url, string Key, int Orders, int Concurrency, int Customers, int Pid, string? Pg, int Fire, int FireInSeconds, string? Check, int TimeoutSeconds)
{
    public static TrialsOptions Parse(string[] args) => new(
        Args.Value(args, "--url", "http://localhost:5080"),
        Args.Value(args, "--key", "dev-admin-key-0000000000"),
        Args.Int(args, "--orders", 100_000),
        Args.Int(args, "--concurrency", 32),
        Args.Int(args, "--customers", 1000),
        Args.Int(args, "--pid", 0),
        Args.Value(args, "--pg", "") is { Length: > 0 } pg ? pg : null,
        Args.Int(args, "--fire", 100),
        Args.Int(args, "--fire-in", 240),
        Args.Value(args, "--check", "") is { Length: > 0 } check ? check : null,
        Args.Int(args, "--timeout", 900));
}

/// <summary>
/// N trial orders waiting, on the real clock and real reminders (not the simulated clock). Places N trial orders
/// (C at a time, progress every tenth), then reads the service's memory (--pid: VmRSS and VmHWM from /proc) and,
/// with --pg, the reminder and grain-state tables' rows and sizes. Then moves the trial ends of the first K orders
/// (--fire) to --fire-in seconds from now (<c>PUT /api/v1/orders/{n}/trial-end</c>) and writes their numbers to
/// <c>trials-fire.txt</c>. Restart the service (every activation gone: what idle collection does, all at once) and run
/// <c>trials --check trials-fire.txt</c>: it waits until each of the K orders reads Paid, charged by a reminder that
/// fired for a grain that was not activated, and reads the memory again. Bounded by N and --timeout.
/// </summary>
internal static class TrialsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = TrialsOptions.Parse(args);
        await using var pg = options.Pg is null ? null : new PgProbe(options.Pg);
        using var http = new HttpClient { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);
        if ((await http.GetAsync("/api/v1/test-clock")).IsSuccessStatusCode)
        {
            Console.Error.WriteLine("The service runs the simulated clock: trials measures real reminders; start it without Clock__Simulated.");
            return 2;
        }

        return options.Check is { } file ? await CheckAsync(http, pg, options, file) : await PlaceAsync(http, pg, options);
    }

    private static async Task<int> PlaceAsync(HttpClient http, PgProbe? pg, TrialsOptions options)
    {
        var run = "trials" + Guid.NewGuid().ToString("N")[..8];
        var placing = new OrderPlacing(http, run);
        var offerId = await placing.OfferAsync();
        var customers = await placing.CustomersAsync(Math.Min(options.Customers, options.Orders), options.Concurrency);
        await ReportAsync("before placing", pg, options.Pid);
        var numbers = new List<string>(options.Orders);
        var failures = 0;
        var watch = Stopwatch.StartNew();
        var step = Math.Max(options.Orders / 10, 1);
        for (var from = 0; from < options.Orders; from += step)
        {
            var count = Math.Min(step, options.Orders - from);
            var (placed, latencies, elapsed) = await placing.PlaceAsync(offerId, customers, count, options.Concurrency);
            numbers.AddRange(placed.OfType<string>());
            failures += placed.Count(n => n is null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{numbers.Count} placed ({failures} refused) after {watch.Elapsed.TotalSeconds:0} s; this tenth {count / elapsed.TotalSeconds:0} orders/s, {OrderPlacing.Summary(latencies)}; service {Memory(options.Pid)}"));
        }

        await ReportAsync($"{numbers.Count} trial orders waiting", pg, options.Pid);
        var fireAt = DateTimeOffset.UtcNow.AddSeconds(options.FireInSeconds);
        var fire = numbers.Take(options.Fire).ToList();
        foreach (var number in fire)
        {
            (await http.PutAsJsonAsync($"/api/v1/orders/{number}/trial-end", new { at = fireAt })).EnsureSuccessStatusCode();
        }

        await File.WriteAllLinesAsync("trials-fire.txt", [fireAt.ToString("O"), .. fire]);
        Console.WriteLine($"Trial ends of {fire.Count} orders moved to {fireAt:O} (trials-fire.txt). Restart the service, then: trials --check trials-fire.txt");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> CheckAsync(HttpClient http, PgProbe? pg, TrialsOptions options, string file)
    {
        var lines = await File.ReadAllLinesAsync(file);
        var fireAt = DateTimeOffset.Parse(lines[0], CultureInfo.InvariantCulture);
        var numbers = lines.Skip(1).ToList();
        await ReportAsync("after the restart, before any order is called", pg, options.Pid);
        var deadline = Stopwatch.StartNew();
        var paid = 0;
        var last = TimeSpan.Zero;
        while (deadline.Elapsed < TimeSpan.FromSeconds(options.TimeoutSeconds))
        {
            // Only the read model is asked: a GET of the order would activate it and tick nothing.
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/orders?status=Paid&take=1&from={Uri.EscapeDataString(fireAt.AddDays(-30).ToString("O"))}");
            var now = page.GetProperty("total").GetInt32();
            if (now != paid)
            {
                paid = now;
                last = DateTimeOffset.UtcNow - fireAt;
                Console.WriteLine($"{paid} Paid, {last.TotalSeconds:0} s after the moved trial end");
            }

            if (paid >= numbers.Count)
            {
                break;
            }

            await Task.Delay(1000);
        }

        await ReportAsync("after the moved trial ends were charged", pg, options.Pid);
        Console.WriteLine(paid >= numbers.Count
            ? $"All {numbers.Count} moved orders Paid by reminders of grains that were not activated; the last {last.TotalSeconds:0} s after the trial end."
            : $"FAILED: {paid} of {numbers.Count} Paid within {options.TimeoutSeconds} s.");
        return paid >= numbers.Count ? 0 : 1;
    }

    private static async Task ReportAsync(string when, PgProbe? pg, int pid)
    {
        var tables = "";
        if (pg is not null)
        {
            var (reminderRows, reminderBytes) = await pg.TableAsync("orleans_reminder");
            var (stateRows, stateBytes) = await pg.TableAsync("orleans_grain_state");
            tables = string.Create(CultureInfo.InvariantCulture, $"; reminder table {reminderRows} rows, {reminderBytes / 1048576.0:0.0} MiB; grain-state table {stateRows} rows, {stateBytes / 1048576.0:0.0} MiB");
        }

        Console.WriteLine($"[{when}] service {Memory(pid)}{tables}");
    }

    /// <summary>The service's resident memory now and at its peak, from /proc.</summary>
    private static string Memory(int pid)
    {
        if (pid <= 0 || !File.Exists($"/proc/{pid}/status"))
        {
            return "memory unknown (--pid)";
        }

        var status = File.ReadAllLines($"/proc/{pid}/status");
        string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[(name.Length + 1)..].Trim() ?? "?";
        return $"VmRSS {Field("VmRSS")}, VmHWM {Field("VmHWM")}";
    }
}
