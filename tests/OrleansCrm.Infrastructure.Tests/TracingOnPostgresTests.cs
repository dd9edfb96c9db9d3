using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// With <c>Telemetry:Tracing</c> on, one request is one trace through the api, the grain calls and the PostgreSQL
/// commands: ASP.NET Core's server span, Orleans' grain-call spans and Npgsql's command spans share its trace id.
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

        var created = await api.Admin().PostAsJsonAsync("/api/v1/customers", Payloads.Customer("Trace Able"));
        created.EnsureSuccessStatusCode();

        // The request's trace, once its server span and a PostgreSQL command of it have been exported (spans end, and
        // are exported, as their work finishes: the grain's state write may finish after the answer).
        static bool IsRequest(Activity a) => a.Kind == ActivityKind.Server && a.DisplayName.Contains("/api/v1/customers", StringComparison.Ordinal);
        var spans = await Eventually.WaitForAsync(
            () => Task.FromResult(exported.ToArray()),
            all => all.FirstOrDefault(IsRequest) is { } r && all.Any(a => a.TraceId == r.TraceId && a.Source.Name == "Npgsql"),
            TimeSpan.FromSeconds(30));
        var request = spans.First(IsRequest);
        var trace = spans.Where(a => a.TraceId == request.TraceId).ToList();

        Assert.True(trace.Any(a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)), $"the trace holds {string.Join(", ", trace.Select(a => a.Source.Name).Distinct())}");
        Assert.Contains(trace, a => a.Source.Name == "Npgsql");
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
