using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrleansCrm.LoadTest;

/// <summary>The leads command's settings.</summary>
internal sealed record LeadsOptions(string Url, string Key, int Leads, int Batch, int Concurrency, int Agents, int HandOuts, int Pid, string? Campaign)
{
    public static LeadsOptions Parse(string[] args) => new(
        Args.Value(args, "--url", "http://localhost:5080"),
        Args.Value(args, "--key", "dev-admin-key-0000000000"),
        Args.Int(args, "--leads", 100_000),
        Args.Int(args, "--batch", 2_000),
        Args.Int(args, "--concurrency", 1),
        Args.Int(args, "--agents", 8),
        Args.Int(args, "--handouts", 4_000),
        Args.Int(args, "--pid", 0),
        Args.Value(args, "--campaign", "") is { Length: > 0 } c ? c : null);
}

/// <summary>
/// One campaign with N leads: imports them in requests of B rows (C requests at a time), then D agents ask
/// <c>dialer/next</c> H times in all (each keeps every lease it is given, so every hand-out is a fresh lead) and the
/// p50/p99 are printed; then the dialer is dropped (<c>dialer/reload</c>, as a restart or a failover would) and the first
/// hand-out after it is timed. Checks that hand-outs come in import order before and after the reload (leased leads are
/// not handed out again). With <c>--pid</c> it reads the service's resident memory (VmRSS) at each step. With
/// <c>--campaign</c> it imports nothing and only times the first hand-out of an existing campaign (after a restart of
/// the service). Bounded: N leads, H hand-outs, one reload.
/// </summary>
internal static class LeadsBenchmark
{
    private const int MaxLeadsPerImport = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = LeadsOptions.Parse(args);
        if (options.Leads < 1 || options.Batch is < 1 or > MaxLeadsPerImport || options.Concurrency < 1 || options.Agents < 1 || options.HandOuts < 1)
        {
            Console.Error.WriteLine($"--leads, --concurrency, --agents and --handouts must be at least 1, --batch 1 to {MaxLeadsPerImport}");
            return 2;
        }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(Math.Max(options.Agents, options.Concurrency), 2),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);
        var inv = CultureInfo.InvariantCulture;

        if (options.Campaign is { } existing)
        {
            var (first, firstName) = await TimedNextAsync(http, existing, "bench-lead-agent-after-restart");
            Console.WriteLine(string.Create(inv, $"First hand-out of {existing}: {first:0} ms ({firstName ?? "none"}); {Memory(options.Pid)}"));
            Console.WriteLine("dialer/stats: " + await http.GetStringAsync($"/api/v1/campaigns/{existing}/dialer/stats"));
            return firstName is null ? 1 : 0;
        }

        var campaignId = "bench-leads-" + Guid.NewGuid().ToString("N")[..8];
        var created = await http.PutAsJsonAsync($"/api/v1/campaigns/{campaignId}", new
        {
            name = "Leads benchmark " + campaignId,
            timeZone = "UTC",
            callingHours = new { start = "00:00", end = "23:59" },
        });
        if (!created.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"PUT /api/v1/campaigns/{campaignId} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
            return 1;
        }

        Console.WriteLine($"Campaign {campaignId}: {options.Leads} leads in requests of {options.Batch}, {options.Concurrency} at a time. {Memory(options.Pid)}");
        var imported = await ImportAsync(http, campaignId, options);
        if (imported < 0)
        {
            return 1;
        }

        Console.WriteLine("After the import: " + Memory(options.Pid));

        // D agents, H hand-outs in all, every lease kept: each hand-out is the next fresh lead.
        var latencies = new Latencies[options.Agents];
        var names = new List<(long At, int Lead)>[options.Agents];
        var left = options.HandOuts;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Agents).Select(async a =>
        {
            latencies[a] = new Latencies();
            names[a] = [];
            var body = JsonSerializer.SerializeToUtf8Bytes(new { agentId = $"bench-lead-agent-{a}" });
            while (Interlocked.Decrement(ref left) >= 0)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync($"/api/v1/campaigns/{campaignId}/dialer/next", content);
                var text = await response.Content.ReadAsStringAsync();
                var t1 = Stopwatch.GetTimestamp();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Console.Error.WriteLine($"dialer/next answered {(int)response.StatusCode}: {text}");
                    return;
                }

                latencies[a].Add(Latencies.Milliseconds(t0, t1));
                names[a].Add((t0, LeadNumber(text)));
            }
        }));
        var handOuts = Latencies.Merge(latencies);
        Console.WriteLine(string.Create(inv,
            $"dialer/next, {options.Agents} agents, {handOuts.Count} hand-outs in {watch.Elapsed.TotalSeconds:0.0} s = {handOuts.Count / watch.Elapsed.TotalSeconds:0} /s; latency ms {handOuts.Summary()}"));

        // In import order: sorted by when they were asked, the leads handed out are 0, 1, 2, … give or take the requests in flight together.
        var handed = names.SelectMany(n => n).OrderBy(n => n.At).Select(n => n.Lead).ToList();
        var distinct = handed.Distinct().Count();
        var outOfOrder = handed.Select((lead, i) => Math.Abs(lead - i)).Max();
        Console.WriteLine(string.Create(inv,
            $"Handed out {handed.Count} leads, {distinct} distinct, the highest {handed.Max()}; furthest from import order: {outOfOrder} places (at most the {options.Agents} requests in flight)"));
        Console.WriteLine("After the hand-outs: " + Memory(options.Pid));

        // The dialer drops its activation; the first hand-out after it rebuilds the queue.
        using (var reload = await http.PostAsync($"/api/v1/campaigns/{campaignId}/dialer/reload", null))
        {
            if (reload.StatusCode != HttpStatusCode.NoContent)
            {
                Console.Error.WriteLine($"dialer/reload answered {(int)reload.StatusCode}: {await reload.Content.ReadAsStringAsync()}");
                return 1;
            }
        }

        var (firstAfter, firstLead) = await TimedNextAsync(http, campaignId, "bench-lead-agent-after");
        var expected = handed.Max() + 1;
        var leaseKept = firstLead is { } n && LeadNumber(n) == expected;
        Console.WriteLine(string.Create(inv,
            $"First hand-out after the reload: {firstAfter:0} ms, {firstLead ?? "none"} (next in import order: Bench Lead {expected}; {(leaseKept ? "leases kept" : "NOT the next lead: leases lost or order broken")}); {Memory(options.Pid)}"));
        var (second, _) = await TimedNextAsync(http, campaignId, "bench-lead-agent-after");
        Console.WriteLine(string.Create(inv, $"Second hand-out after the reload: {second:0.0} ms"));
        Console.WriteLine("dialer/stats: " + await http.GetStringAsync($"/api/v1/campaigns/{campaignId}/dialer/stats"));
        return distinct == handed.Count ? 0 : 1;
    }

    /// <summary>Imports the leads with unique phones (+1 555 xxx xxxx), named "Bench Lead i" in import order; the number imported, or -1.</summary>
    private static async Task<int> ImportAsync(HttpClient http, string campaignId, LeadsOptions options)
    {
        var firstPhone = Random.Shared.Next(0, 10_000_000 - options.Leads);
        var imported = 0;
        var requests = (options.Leads + options.Batch - 1) / options.Batch;
        var nextRequest = -1;
        var failed = false;
        var latencies = new Latencies[options.Concurrency];
        var watch = Stopwatch.StartNew();

        // With C > 1 the requests overlap, so import order is by request, not by row across requests.
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async c =>
        {
            latencies[c] = new Latencies();
            int r;
            while (!failed && (r = Interlocked.Increment(ref nextRequest)) < requests)
            {
                var from = r * options.Batch;
                var take = Math.Min(options.Batch, options.Leads - from);
                using var buffer = new MemoryStream();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartArray();
                    for (var i = from; i < from + take; i++)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"lead-{i:D7}"));
                        json.WriteString("name", string.Create(CultureInfo.InvariantCulture, $"Bench Lead {i}"));
                        json.WriteString("phone", string.Create(CultureInfo.InvariantCulture, $"+1555{firstPhone + i:D7}"));
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                var t0 = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync($"/api/v1/campaigns/{campaignId}/leads", content);
                var text = await response.Content.ReadAsStringAsync();
                latencies[c].Add(Latencies.Milliseconds(t0, Stopwatch.GetTimestamp()));
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"POST leads answered {(int)response.StatusCode}: {text}");
                    failed = true;
                    return;
                }

                using var result = JsonDocument.Parse(text);
                Interlocked.Add(ref imported, result.RootElement.GetProperty("imported").GetInt32());
            }
        }));
        if (failed)
        {
            return -1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Imported {imported} leads in {watch.Elapsed.TotalSeconds:0.0} s = {imported / watch.Elapsed.TotalSeconds:0} leads/s; per request ms {Latencies.Merge(latencies).Summary()}"));
        return imported;
    }

    private static async Task<(double Milliseconds, string? Name)> TimedNextAsync(HttpClient http, string campaignId, string agentId)
    {
        var t0 = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/dialer/next", new { agentId });
        var text = await response.Content.ReadAsStringAsync();
        var ms = Latencies.Milliseconds(t0, Stopwatch.GetTimestamp());
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"dialer/next answered {(int)response.StatusCode}: {text}");
            return (ms, null);
        }

        using var json = JsonDocument.Parse(text);
        return (ms, json.RootElement.GetProperty("contact").GetProperty("name").GetString());
    }

    /// <summary>i from "Bench Lead i", in a hand-out's JSON or the name itself.</summary>
    private static int LeadNumber(string text)
    {
        var at = text.IndexOf("Bench Lead ", StringComparison.Ordinal) + "Bench Lead ".Length;
        var end = at;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return int.Parse(text.AsSpan(at, end - at), CultureInfo.InvariantCulture);
    }

    /// <summary>The service's resident memory and its peak, from /proc (Linux), when its process id was given.</summary>
    private static string Memory(int pid)
    {
        if (pid <= 0)
        {
            return "service memory: (no --pid)";
        }

        var status = File.ReadAllLines($"/proc/{pid}/status");
        string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[name.Length..].Trim() ?? "?";
        return new StringBuilder("service VmRSS ").Append(Field("VmRSS:")).Append(", peak ").Append(Field("VmHWM:")).ToString();
    }
}
