using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansCrm.LoadTest;

/// <summary>The storm command's settings.</summary>
internal sealed record StormOptions(string Url, string Key, int Orders, int Concurrency, int SmtpPort, string? Pg, int TimeoutSeconds)
{
    public static StormOptions Parse(string[] args) => new(
        Args.Value(args, "--url", "http://localhost:5080"),
        Args.Value(args, "--key", "dev-admin-key-0000000000"),
        Args.Int(args, "--orders", 10_000),
        Args.Int(args, "--concurrency", 32),
        Args.Int(args, "--smtp-port", 2526),
        Args.Value(args, "--pg", "") is { Length: > 0 } pg ? pg : null,
        Args.Int(args, "--timeout", 1800));
}

/// <summary>
/// N product charges due at one instant of the simulated clock. One customer per order, N trial orders placed C at a
/// time (placement rate and p99; with --pg the commits per placement), the clock moved to day 14 (trial reminders and
/// extension offers), then to day 15, where all N trial ends fall due at once. The drain is timed from the move until
/// the last order reads Paid; the delay past the due instant of the k-th charge is when the k-th order read Paid
/// (the Paid count is polled every 100 ms beside the move, so delays are to within a poll and the index's batching).
/// Then: each order charged exactly once for its product (with --pg at the ledger, by card token: S&amp;H + product =
/// 2 approved charges; without it from each order's payments), each payment confirmation received once by its own
/// recipient at the counting SMTP server this console runs (the service's Smtp__Host/Smtp__Port point at it).
/// Exit code 1 when any of that fails. Bounded by N and --timeout.
/// </summary>
internal static class StormBenchmark
{
    private const string Marker = "Payment received for order";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = StormOptions.Parse(args);
        await using var smtp = new CountingSmtpServer(options.SmtpPort, Marker);
        await using var pg = options.Pg is null ? null : new PgProbe(options.Pg);
        using var http = new HttpClient { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);
        var clock = await http.GetAsync("/api/v1/test-clock");
        if (!clock.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"GET /api/v1/test-clock answered {(int)clock.StatusCode}: start the service with Clock__Simulated=true.");
            return 1;
        }

        var start = (await clock.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("now").GetDateTimeOffset();
        var run = "storm" + Guid.NewGuid().ToString("N")[..8];
        var placing = new OrderPlacing(http, run);
        var offerId = await placing.OfferAsync();
        var customers = await placing.CustomersAsync(options.Orders, options.Concurrency);
        Console.WriteLine($"{options.Orders} customers created; placing {options.Orders} trial orders, {options.Concurrency} at a time, at simulated {start:O}");

        var commitsBefore = pg is null ? 0 : await pg.CommitsAsync();
        var (numbers, latencies, elapsed) = await placing.PlaceAsync(offerId, customers, options.Orders, options.Concurrency);
        var placed = numbers.Count(n => n is not null);
        var commitsPlacing = pg is null ? 0 : await pg.CommitsAsync() - commitsBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"POST /api/v1/orders: {placed} of {options.Orders} in {elapsed.TotalSeconds:0.0} s = {placed / elapsed.TotalSeconds:0} orders/s; {OrderPlacing.Summary(latencies)}{(pg is null ? "" : $"; {commitsPlacing / (double)Math.Max(placed, 1):0.00} commits per placement")}"));

        var toDay14 = Stopwatch.StartNew();
        await AdvanceAsync(http, start.AddDays(14));
        Console.WriteLine($"Clock to day 14 (trial reminders and extension offers): {toDay14.Elapsed.TotalSeconds:0.0} s");

        var paidFrom = Uri.EscapeDataString(start.AddSeconds(-1).ToString("O"));
        var paidBefore = await PaidAsync(http, paidFrom);
        var commitsBeforeStorm = pg is null ? 0 : await pg.CommitsAsync();
        var paidAt = new double[placed];
        var storm = Stopwatch.StartNew();
        using var stopPolling = new CancellationTokenSource();
        var polling = Task.Run(async () =>
        {
            var seen = 0;
            while (!stopPolling.IsCancellationRequested && seen < placed)
            {
                var paid = await PaidAsync(http, paidFrom) - paidBefore;
                var at = storm.Elapsed.TotalSeconds;
                for (; seen < Math.Min(paid, placed); seen++)
                {
                    paidAt[seen] = at;
                }

                try
                {
                    await Task.Delay(100, stopPolling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return seen;
        });
        var advance = AdvanceAsync(http, start.AddDays(15));
        var finished = await Task.WhenAny(advance, Task.Delay(TimeSpan.FromSeconds(options.TimeoutSeconds)));
        var advanced = storm.Elapsed;
        var drained = await Task.WhenAny(polling, Task.Delay(TimeSpan.FromSeconds(30))) == polling;
        await stopPolling.CancelAsync();
        var seenPaid = await polling;
        var commitsStorm = pg is null ? 0 : await pg.CommitsAsync() - commitsBeforeStorm;
        if (finished != advance)
        {
            Console.Error.WriteLine($"The move to day 15 did not return within {options.TimeoutSeconds} s.");
            return 1;
        }

        await advance;
        var sorted = paidAt.AsSpan(0, seenPaid).ToArray();
        var commitsPerCharge = pg is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; {commitsStorm / (double)Math.Max(placed, 1):0.00} commits per charge (with its confirmation)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Clock to day 15 ({placed} product charges due at one instant, each with its payment confirmation): the move returned after {advanced.TotalSeconds:0.0} s = {placed / advanced.TotalSeconds:0} charges/s; {seenPaid} read Paid{(drained ? "" : " (not all within 30 s after the move)")}; delay past due p50 {Latencies.Percentile(sorted, 0.5):0.0} s, p99 {Latencies.Percentile(sorted, 0.99):0.0} s, last {(sorted.Length == 0 ? 0 : sorted[^1]):0.0} s{commitsPerCharge}"));

        var ok = seenPaid == placed;
        ok &= await ChargedOnceAsync(http, pg, placing, numbers, options.Concurrency, placed);
        var mailDeadline = Stopwatch.StartNew();
        while (smtp.Marked < placed && mailDeadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(200);
        }

        Console.WriteLine($"Payment confirmations at the SMTP server: {smtp.Marked} for {smtp.Recipients} recipients, {smtp.RecipientsWithDuplicates} recipients more than once (expected {placed}, {placed}, 0)");
        ok &= smtp.Marked == placed && smtp.Recipients == placed && smtp.RecipientsWithDuplicates == 0;
        Console.WriteLine(ok ? "Every order charged once for its product, every confirmation once." : "FAILED: see above.");
        return ok ? 0 : 1;
    }

    /// <summary>Each order: its S&amp;H at placement and its product at the trial end, two approved charges and no more.</summary>
    private static async Task<bool> ChargedOnceAsync(HttpClient http, PgProbe? pg, OrderPlacing placing, string?[] numbers, int concurrency, int placed)
    {
        if (pg is not null)
        {
            var (tokens, wrong, charges) = await pg.LedgerAsync(placing.TokenPrefix, 2);
            Console.WriteLine($"Ledger: {tokens} cards charged, {charges} approved charges, {wrong} cards with other than 2 (expected {placed}, {2 * placed}, 0)");
            return tokens == placed && wrong == 0 && charges == 2 * placed;
        }

        var wrongOrders = 0;
        var total = 0;
        await OrderPlacing.ForEachAsync(numbers.Length, concurrency, async i =>
        {
            if (numbers[i] is not { } number)
            {
                return;
            }

            var payments = await http.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{number}/payments");
            var approved = payments.EnumerateArray().Count(p => p.GetProperty("kind").GetString() == "Charge" && p.GetProperty("status").GetString() == "Approved");
            Interlocked.Add(ref total, approved);
            if (approved != 2)
            {
                Interlocked.Increment(ref wrongOrders);
            }
        });
        Console.WriteLine($"Orders' payments (in memory the ledger is the service's own memory): {total} approved charges, {wrongOrders} orders with other than 2 (expected {2 * placed}, 0)");
        return wrongOrders == 0 && total == 2 * placed;
    }

    private static async Task<int> PaidAsync(HttpClient http, string from) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/v1/orders?status=Paid&take=1&from={from}")).GetProperty("total").GetInt32();

    private static async Task AdvanceAsync(HttpClient http, DateTimeOffset to) =>
        (await http.PostAsJsonAsync("/api/v1/test-clock/advance", new { to })).EnsureSuccessStatusCode();
}
