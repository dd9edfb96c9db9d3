using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// With <c>Telemetry:Tracing</c> on, a request is one trace through the api and the grain calls (ASP.NET Core's server
/// span and Orleans' grain-call spans share its trace id), and the PostgreSQL commands are traced by Npgsql (in the
/// request's trace where they run in its flow; a batched read-model write runs in the batch's own).
/// </summary>
public sealed class TracingOnPostgresTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("tracing");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_request_is_one_trace_through_the_api_the_grain_calls_and_the_PostgreSQL_commands()
    {
        var exported = new ConcurrentQueue<Activity>();
        await using var api = new TracingApiFactory(database.ConnectionString, exported);

        // The listeners are process-wide (other tests' hosts run beside this one): the request carries a trace id of
        // its own, as a caller's W3C traceparent, so its spans are told from theirs.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(Payloads.Customer("Trace Able")) };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var created = await api.Admin().SendAsync(request);
        created.EnsureSuccessStatusCode();

        // Spans end, and are exported, as their work finishes: wait for the request's server span, its grain-call spans
        // and PostgreSQL command spans.
        bool IsRequest(Activity a) => a.Kind == ActivityKind.Server && a.TraceId == traceId && a.Source.Name == "Microsoft.AspNetCore";
        var spans = await Eventually.WaitForAsync(
            () => Task.FromResult(exported.ToArray()),
            all => all.Any(IsRequest)
                && all.Any(a => a.TraceId == traceId && a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal))
                && all.Any(a => a.Source.Name == "Npgsql"),
            TimeSpan.FromSeconds(30));

        Assert.Contains(spans, a => IsRequest(a) && a.DisplayName.Contains("/api/v1/customers", StringComparison.Ordinal));
        Assert.Contains(spans, a => a.TraceId == traceId && a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        Assert.Contains(spans, a => a.Source.Name == "Npgsql" && a.Kind == ActivityKind.Client);
    }

    private sealed class TracingApiFactory(string connectionString, ConcurrentQueue<Activity> exported) : CrmApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = connectionString,
            ["Telemetry:Tracing"] = "true",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(new QueueCollection(exported))));
        }
    }

    /// <summary>The in-memory exporter's list, as a queue that many threads may add to.</summary>
    private sealed class QueueCollection(ConcurrentQueue<Activity> queue) : ICollection<Activity>
    {
        public int Count => queue.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => queue.Enqueue(item);

        public void Clear() => queue.Clear();

        public bool Contains(Activity item) => queue.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);

        public IEnumerator<Activity> GetEnumerator() => queue.GetEnumerator();

        public bool Remove(Activity item) => throw new NotSupportedException();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
