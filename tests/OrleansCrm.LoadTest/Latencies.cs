using System.Diagnostics;
using System.Globalization;

namespace OrleansCrm.LoadTest;

/// <summary>
/// Latency samples in milliseconds, appended by one writer (one agent) without locks and merged at the end;
/// percentiles by nearest rank.
/// </summary>
internal sealed class Latencies
{
    private double[] samples = new double[1024];

    public int Count { get; private set; }

    /// <summary>Milliseconds between two <see cref="Stopwatch.GetTimestamp"/> readings.</summary>
    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public void Add(double milliseconds)
    {
        if (Count == samples.Length)
        {
            Array.Resize(ref samples, samples.Length * 2);
        }

        samples[Count++] = milliseconds;
    }

    public static Latencies Merge(IEnumerable<Latencies> parts)
    {
        var all = new Latencies();
        foreach (var part in parts)
        {
            for (var i = 0; i < part.Count; i++)
            {
                all.Add(part.samples[i]);
            }
        }

        return all;
    }

    /// <summary>"p50 x p95 y p99 z max w" over the samples.</summary>
    public string Summary()
    {
        var sorted = samples.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        var max = sorted.Length == 0 ? 0 : sorted[^1];
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {Percentile(sorted, 0.50):0.0} p95 {Percentile(sorted, 0.95):0.0} p99 {Percentile(sorted, 0.99):0.0} max {max:0.0}");
    }

    /// <summary>The nearest-rank percentile <paramref name="q"/> (0..1) of ascending <paramref name="sorted"/>; 0 when empty.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
