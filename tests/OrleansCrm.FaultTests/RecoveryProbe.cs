using System.Collections.Concurrent;
using OrleansCrm.Testing;

namespace OrleansCrm.FaultTests;

/// <summary>
/// A write every 250 ms (a new customer: a new grain, placed on any silo), each on its own, so the time the cluster
/// takes to serve again after a fault can be read afterwards: the first instant from which every probe started in the
/// next 3 s succeeded.
/// </summary>
internal sealed class RecoveryProbe(HttpClient http)
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Steady = TimeSpan.FromSeconds(3);
    private readonly ConcurrentBag<(DateTimeOffset Started, bool Ok)> probes = [];

    public async Task RunAsync(DateTimeOffset until)
    {
        var running = new List<Task>();
        while (DateTimeOffset.UtcNow < until)
        {
            running.Add(ProbeAsync());
            await Task.Delay(Period);
        }

        await Task.WhenAll(running);
    }

    public int Failed => probes.Count(p => !p.Ok);

    public int Count => probes.Count;

    /// <summary>Seconds from <paramref name="fault"/> until the cluster served steadily again; null if it never did before the probes ended.</summary>
    public double? RecoverySeconds(DateTimeOffset fault)
    {
        var after = probes.Where(p => p.Started >= fault).OrderBy(p => p.Started).ToList();
        for (var i = 0; i < after.Count; i++)
        {
            var window = after.Skip(i).TakeWhile(p => p.Started <= after[i].Started + Steady).ToList();
            if (after[^1].Started < after[i].Started + Steady)
            {
                return null;
            }

            if (window.All(p => p.Ok))
            {
                return Math.Max(0, (after[i].Started - fault).TotalSeconds);
            }
        }

        return null;
    }

    private async Task ProbeAsync()
    {
        var started = DateTimeOffset.UtcNow;
        try
        {
            using var response = await http.PostAsync("/api/v1/customers", System.Net.Http.Json.JsonContent.Create(Payloads.Customer("Recovery Probe")));
            probes.Add((started, response.IsSuccessStatusCode));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            probes.Add((started, false));
        }
    }
}
