using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrleansCrm.LoadTest;

/// <summary>The calls command's settings.</summary>
internal sealed record CallsOptions(string Url, string Key, int Agents, int Seconds, int Warmup, int Leads, int Batch)
{
    public static CallsOptions Parse(string[] args) => new(
        Args.Value(args, "--url", "http://localhost:5080"),
        Args.Value(args, "--key", "dev-admin-key-0000000000"),
        Args.Int(args, "--agents", 16),
        Args.Int(args, "--seconds", 30),
        Args.Int(args, "--warmup", 5),
        Args.Int(args, "--leads", 60_000),
        Args.Int(args, "--batch", 2_000));
}

/// <summary>
/// D agents, each looping dialer/next → start the call on the lease → confirm an N outcome (the contact is done,
/// so every cycle takes a fresh lead), for a warm-up and then a measured window. Bounded by time and by leads:
/// a 204 from dialer/next ends that agent. Bodies are pre-encoded and responses read into one buffer per agent,
/// so the client spends little of the CPU it shares with the service.
/// </summary>
internal static class CallsBenchmark
{
    /// <summary>The API takes up to 10,000 leads per request.</summary>
    private const int MaxLeadsPerImport = 10_000;
    private const string OutcomeCode = "sale";
    private static readonly TimeSpan ErrorPause = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = CallsOptions.Parse(args);
        if (options.Agents < 1 || options.Seconds < 1 || options.Warmup < 0 || options.Leads < 1 || options.Batch is < 1 or > MaxLeadsPerImport)
        {
            Console.Error.WriteLine($"--agents, --seconds and --leads must be at least 1, --warmup at least 0, --batch 1 to {MaxLeadsPerImport}");
            return 2;
        }

        // The campaign calls 00:00-23:59 UTC; leave the import a few minutes before the window closes.
        var closesIn = new TimeSpan(23, 59, 0) - DateTimeOffset.UtcNow.TimeOfDay;
        if (closesIn < TimeSpan.FromSeconds(options.Warmup + options.Seconds) + TimeSpan.FromMinutes(5))
        {
            Console.Error.WriteLine("The benchmark campaign calls 00:00-23:59 UTC and this run could reach 23:59 UTC: start it after midnight UTC.");
            return 2;
        }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(options.Agents, 2),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);

        var campaignId = "bench-calls-" + Guid.NewGuid().ToString("N")[..8];
        var created = await http.PutAsJsonAsync($"/api/v1/campaigns/{campaignId}", new
        {
            name = "Calls benchmark " + campaignId,
            timeZone = "UTC",
            callingHours = new { start = "00:00", end = "23:59" },
            outcomes = new[] { new { code = OutcomeCode, label = "Sale", type = "N", color = "#00AA00" } },
        });
        if (!created.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"PUT /api/v1/campaigns/{campaignId} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
            return 1;
        }

        var imported = await ImportLeadsAsync(http, campaignId, options.Leads, options.Batch);
        if (imported < 0)
        {
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Campaign {campaignId}: {imported} leads. {options.Agents} agents, warm-up {options.Warmup} s, measured {options.Seconds} s."));

        var start = Stopwatch.GetTimestamp();
        var window = new Window(start + (options.Warmup * Stopwatch.Frequency), start + ((options.Warmup + options.Seconds) * Stopwatch.Frequency));
        var agents = Enumerable.Range(1, options.Agents).Select(i => new Agent(http, campaignId, $"bench-agent-{i}", window)).ToArray();
        var clientCpu = SampleClientCpuAsync(window);
        await Task.WhenAll(agents.Select(a => a.RunAsync()));
        var (cpuStart, cpuEnd, wallStartUnixMs) = await clientCpu;

        Report(options, agents, window, cpuEnd - cpuStart, wallStartUnixMs);
        var stats = await http.GetStringAsync($"/api/v1/campaigns/{campaignId}/dialer/stats");
        Console.WriteLine("dialer/stats after the run: " + stats);
        return 0;
    }

    /// <summary>
    /// Imports <paramref name="count"/> leads with unique 11-digit phones (+1 555 xxx xxxx) in requests of <paramref name="batch"/>;
    /// the number imported, or -1. Smaller requests than the API's 10,000 keep each import well inside the grain call timeout
    /// on a loaded machine.
    /// </summary>
    internal static async Task<int> ImportLeadsAsync(HttpClient http, string campaignId, int count, int batch)
    {
        var firstPhone = Random.Shared.Next(0, 10_000_000 - count);
        var imported = 0;
        var watch = Stopwatch.StartNew();
        for (var from = 0; from < count; from += batch)
        {
            var take = Math.Min(batch, count - from);
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                for (var i = from; i < from + take; i++)
                {
                    json.WriteStartObject();
                    json.WriteString("name", string.Create(CultureInfo.InvariantCulture, $"Bench Lead {i}"));
                    json.WriteString("phone", string.Create(CultureInfo.InvariantCulture, $"+1555{firstPhone + i:D7}"));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            using var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
            content.Headers.ContentType = new("application/json");
            var response = await http.PostAsync($"/api/v1/campaigns/{campaignId}/leads", content);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"POST leads answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return -1;
            }

            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            imported += result.GetProperty("imported").GetInt32();
            if (result.GetProperty("refused").GetArrayLength() > 0)
            {
                Console.Error.WriteLine("Some leads were refused: " + result.GetProperty("refused")[0]);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Imported {imported} leads in {watch.Elapsed.TotalSeconds:0.0} s = {imported / watch.Elapsed.TotalSeconds:0} leads/s"));
        return imported;
    }

    /// <summary>The client's own processor time at the start and the end of the measured window, and when the window started (Unix ms).</summary>
    private static async Task<(TimeSpan Start, TimeSpan End, long WallStartUnixMs)> SampleClientCpuAsync(Window window)
    {
        using var self = Process.GetCurrentProcess();
        await Task.Delay(Until(window.MeasureFrom));
        self.Refresh();
        var cpuStart = self.TotalProcessorTime;
        var wallStart = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Task.Delay(Until(window.Until));
        self.Refresh();
        return (cpuStart, self.TotalProcessorTime, wallStart);

        static TimeSpan Until(long timestamp)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    private static void Report(CallsOptions options, Agent[] agents, Window window, TimeSpan clientCpu, long wallStartUnixMs)
    {
        // The window ends at its bound, or earlier when the last agent ran out of leads.
        var lastStop = agents.Max(a => a.StoppedAt);
        var until = Math.Min(window.Until, lastStop);
        var seconds = Latencies.Milliseconds(window.MeasureFrom, until) / 1000;
        var ranOut = agents.Count(a => a.RanOut);
        var cycles = agents.Sum(a => a.Cycles);
        var inv = CultureInfo.InvariantCulture;
        if (seconds <= 0)
        {
            Console.WriteLine("The leads ran out during the warm-up: nothing was measured. Import more with --leads.");
            return;
        }

        Console.WriteLine(string.Create(inv,
            $"Measured window: {seconds:0.0} s (unix ms {wallStartUnixMs} to {wallStartUnixMs + (long)(seconds * 1000)}){(ranOut > 0 ? $"; {ranOut} of {agents.Length} agents ran out of leads (204)" : "")}"));
        Console.WriteLine(string.Create(inv,
            $"Completed cycles: {cycles} = {cycles / seconds:0.0} cycles/s with {options.Agents} agents; client CPU {clientCpu.TotalSeconds:0.0} s = {clientCpu.TotalSeconds / seconds * 100:0}% of one core"));
        Print("POST /api/v1/campaigns/{c}/dialer/next", Latencies.Merge(agents.Select(a => a.Next)), seconds);
        Print("POST /api/v1/calls", Latencies.Merge(agents.Select(a => a.Start)), seconds);
        Print("POST /api/v1/calls/{id}/outcome", Latencies.Merge(agents.Select(a => a.Outcome)), seconds);
        Print("cycle (all three)", Latencies.Merge(agents.Select(a => a.Cycle)), seconds);

        var errors = agents.SelectMany(a => a.Errors).GroupBy(e => e.Key).Select(g => (g.Key, Count: g.Sum(e => e.Value))).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        Console.WriteLine(errors.Count == 0
            ? "Errors in the window: none"
            : "Errors in the window: " + string.Join("; ", errors.Select(e => string.Create(inv, $"{e.Key}: {e.Count}"))));
        var warmupErrors = agents.Sum(a => a.WarmupErrors);
        if (warmupErrors > 0)
        {
            Console.WriteLine(string.Create(inv, $"Errors during the warm-up: {warmupErrors}"));
        }

        static void Print(string route, Latencies latencies, double seconds) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {route,-42} {latencies.Count,8} ok = {latencies.Count / seconds,7:0.0} /s; latency ms {latencies.Summary()}"));
    }

    /// <summary>Stopwatch timestamps: measuring starts at <see cref="MeasureFrom"/>; no cycle starts at or after <see cref="Until"/>.</summary>
    internal sealed record Window(long MeasureFrom, long Until);

    /// <summary>One agent's loop, its pre-encoded bodies, its read buffer and its samples (only it writes them).</summary>
    private sealed class Agent
    {
        private static readonly Uri Calls = new("/api/v1/calls", UriKind.Relative);
        private static readonly byte[] OutcomeBody = Encoding.UTF8.GetBytes($$"""{"code":"{{OutcomeCode}}","comment":"benchmark"}""");
        private static readonly byte[] StartSuffix = "\"}"u8.ToArray();

        private readonly HttpClient http;
        private readonly Window window;
        private readonly Uri next;
        private readonly byte[] nextBody;
        private readonly int startPrefixLength;
        private byte[] startBody;
        private byte[] read = new byte[16 * 1024];

        public Agent(HttpClient http, string campaignId, string agentId, Window window)
        {
            this.http = http;
            this.window = window;
            next = new Uri($"/api/v1/campaigns/{campaignId}/dialer/next", UriKind.Relative);
            nextBody = JsonSerializer.SerializeToUtf8Bytes(new { agentId });
            var prefix = JsonSerializer.SerializeToUtf8Bytes(new { campaignId, agentId, leaseId = "" });
            startPrefixLength = prefix.Length - StartSuffix.Length; // up to the opening quote of the empty leaseId
            startBody = new byte[startPrefixLength + 256];
            prefix.AsSpan(0, startPrefixLength).CopyTo(startBody);
        }

        public Latencies Next { get; } = new();

        public Latencies Start { get; } = new();

        public Latencies Outcome { get; } = new();

        public Latencies Cycle { get; } = new();

        public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

        public int WarmupErrors { get; private set; }

        /// <summary>Cycles completed inside the measured window.</summary>
        public int Cycles { get; private set; }

        public bool RanOut { get; private set; }

        public long StoppedAt { get; private set; }

        public async Task RunAsync()
        {
            try
            {
                await LoopAsync();
            }
            finally
            {
                StoppedAt = Stopwatch.GetTimestamp();
            }
        }

        private async Task LoopAsync()
        {
            while (true)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= window.Until)
                {
                    return;
                }

                var measured = t0 >= window.MeasureFrom;
                var (status, length, _) = await SendAsync(next, nextBody, nextBody.Length);
                var t1 = Stopwatch.GetTimestamp();
                if (status == 204)
                {
                    RanOut = true;
                    return;
                }

                if (!await CheckAsync(status, 200, "dialer/next", measured))
                {
                    continue;
                }

                Record(Next, t0, t1, measured);
                var startLength = StartBody(LeaseId(read.AsSpan(0, length)));
                (status, length, var location) = await SendAsync(Calls, startBody, startLength);
                var t2 = Stopwatch.GetTimestamp();
                if (!await CheckAsync(status, 201, "calls", measured))
                {
                    continue;
                }

                Record(Start, t1, t2, measured);
                var outcome = new Uri((location?.OriginalString ?? "/api/v1/calls/" + CallId(read.AsSpan(0, length))) + "/outcome", UriKind.Relative);
                (status, _, _) = await SendAsync(outcome, OutcomeBody, OutcomeBody.Length);
                var t3 = Stopwatch.GetTimestamp();
                if (!await CheckAsync(status, 200, "calls/{id}/outcome", measured))
                {
                    continue;
                }

                Record(Outcome, t2, t3, measured);
                Record(Cycle, t0, t3, measured);
                if (t3 >= window.MeasureFrom && t3 <= window.Until)
                {
                    Cycles++;
                }
            }
        }

        private static void Record(Latencies latencies, long from, long to, bool measured)
        {
            if (measured)
            {
                latencies.Add(Latencies.Milliseconds(from, to));
            }
        }

        /// <summary>True when <paramref name="status"/> is the expected one; otherwise counts the error and pauses a little, so a failing service is not hammered.</summary>
        private async Task<bool> CheckAsync(int status, int expected, string route, bool measured)
        {
            if (status == expected)
            {
                return true;
            }

            if (measured)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{route} {(status == 0 ? "exception" : status.ToString(CultureInfo.InvariantCulture))}");
                Errors[key] = Errors.GetValueOrDefault(key) + 1;
            }
            else
            {
                WarmupErrors++;
            }

            await Task.Delay(ErrorPause);
            return false;
        }

        /// <summary>POSTs the JSON body and reads the whole answer into <see cref="read"/>: the status (0 when the request failed), the body's length, the Location header.</summary>
        private async Task<(int Status, int Length, Uri? Location)> SendAsync(Uri uri, byte[] body, int bodyLength)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body, 0, bodyLength) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                await using var stream = await response.Content.ReadAsStreamAsync();
                var length = 0;
                int n;
                while ((n = await stream.ReadAsync(read.AsMemory(length))) > 0)
                {
                    length += n;
                    if (length == read.Length)
                    {
                        Array.Resize(ref read, read.Length * 2);
                    }
                }

                return ((int)response.StatusCode, length, response.Headers.Location);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return (0, 0, null);
            }
        }

        /// <summary>Writes the lease id into the start body after its fixed prefix; the body's length.</summary>
        private int StartBody(ReadOnlySpan<byte> lease)
        {
            var length = startPrefixLength + lease.Length + StartSuffix.Length;
            if (length > startBody.Length)
            {
                Array.Resize(ref startBody, length);
            }

            lease.CopyTo(startBody.AsSpan(startPrefixLength));
            StartSuffix.CopyTo(startBody.AsSpan(startPrefixLength + lease.Length));
            return length;
        }

        private static ReadOnlySpan<byte> LeaseId(ReadOnlySpan<byte> json) => TopLevelString(json, "leaseId"u8);

        private static string CallId(ReadOnlySpan<byte> json) => Encoding.UTF8.GetString(TopLevelString(json, "id"u8));

        /// <summary>The raw (still JSON-escaped) value of a top-level string property; ids are letters, digits and '-', so nothing needs escaping.</summary>
        private static ReadOnlySpan<byte> TopLevelString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name)
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(name))
                {
                    reader.Read();
                    return reader.ValueSpan;
                }
            }

            throw new InvalidOperationException("The answer has no '" + Encoding.UTF8.GetString(name) + "'.");
        }
    }
}
