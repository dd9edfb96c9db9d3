using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansCrm.LoadTest;

/// <summary>
/// The setup the storm and trials commands share: an offer, one customer per order (so each payment confirmation has a
/// recipient of its own to count), and N trial orders placed C at a time, each with a card token of its own
/// (<c>tok_approve_{run}-{i}</c>, so the ledger tells each order's charges apart).
/// </summary>
internal sealed class OrderPlacing(HttpClient http, string run)
{
    public string TokenPrefix => $"tok_approve_{run}-";

    public static string Recipient(string run, int i) => $"{run}-{i}@example.test";

    public async Task<string> OfferAsync()
    {
        var offerId = "bench-" + run;
        (await http.PutAsJsonAsync($"/api/v1/offers/{offerId}", new
        {
            name = "Benchmark cream",
            productPrice = new Dictionary<string, decimal> { ["USD"] = 49.95m },
            shippingAndHandling = new Dictionary<string, decimal> { ["USD"] = 4.95m },
        })).EnsureSuccessStatusCode();
        return offerId;
    }

    public async Task<string[]> CustomersAsync(int count, int concurrency)
    {
        var customers = new string[count];
        await ForEachAsync(count, concurrency, async i =>
        {
            var created = await http.PostAsJsonAsync("/api/v1/customers", new { name = $"Bench Customer {i}", email = Recipient(run, i), phone = "+15555550100", timeZone = "America/New_York" });
            created.EnsureSuccessStatusCode();
            customers[i] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        });
        return customers;
    }

    /// <summary>Places the orders; the numbers (null where refused) and each request's latency in ms.</summary>
    public async Task<(string?[] Numbers, double[] Latencies, TimeSpan Elapsed)> PlaceAsync(string offerId, string[] customers, int count, int concurrency)
    {
        var numbers = new string?[count];
        var latencies = new double[count];
        var watch = Stopwatch.StartNew();
        await ForEachAsync(count, concurrency, async i =>
        {
            var started = Stopwatch.GetTimestamp();
            var response = await http.PostAsJsonAsync("/api/v1/orders", new
            {
                customerId = customers[i % customers.Length],
                offerId,
                currency = "USD",
                trial = true,
                cardToken = TokenPrefix + i.ToString(CultureInfo.InvariantCulture),
            });
            latencies[i] = Latencies.Milliseconds(started, Stopwatch.GetTimestamp());
            if (response.IsSuccessStatusCode)
            {
                numbers[i] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
            }
        });
        return (numbers, latencies, watch.Elapsed);
    }

    /// <summary>Runs <paramref name="body"/> for 0..count-1, <paramref name="concurrency"/> at a time.</summary>
    public static Task ForEachAsync(int count, int concurrency, Func<int, Task> body)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, Math.Max(count, 1))).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await body(i);
            }
        }));
    }

    public static string Summary(double[] latencies)
    {
        var sorted = latencies.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {Latencies.Percentile(sorted, 0.50):0.0} p95 {Latencies.Percentile(sorted, 0.95):0.0} p99 {Latencies.Percentile(sorted, 0.99):0.0} ms");
    }
}
