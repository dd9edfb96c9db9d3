using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// A fixed window of permits per client address, on its own clock (real time in the service, fake time in tests):
/// the first request of an address opens its window; once the window is over the address starts afresh.
/// Ended windows are dropped as new ones open, so the table holds only the addresses seen in the last window.
/// </summary>
public sealed class AddressWindows(WindowLimit limit, TimeProvider time, string refusal)
{
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);
    private readonly Lock sweeping = new();
    private DateTimeOffset nextSweep = time.GetUtcNow() + limit.Window;

    /// <summary>Whether the address may make a request that spends a permit; a refusal says when to come back.</summary>
    public RateLimitLease Spend(string address)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var window = windows.GetOrAdd(address, static (_, start) => new Window(start), now);
        lock (window)
        {
            window.RollOver(now, limit.Window);
            if (window.Spent >= limit.PermitLimit)
            {
                return Refused(window, now);
            }

            window.Spent++;
            return Lease.Allowed;
        }
    }

    /// <summary>Whether the address may make a request that spends nothing: refused only while its window is used up.</summary>
    public RateLimitLease Check(string address)
    {
        if (!windows.TryGetValue(address, out var window))
        {
            return Lease.Allowed;
        }

        var now = time.GetUtcNow();
        lock (window)
        {
            window.RollOver(now, limit.Window);
            return window.Spent >= limit.PermitLimit ? Refused(window, now) : Lease.Allowed;
        }
    }

    private RateLimitLease Refused(Window window, DateTimeOffset now)
    {
        var retryAfter = window.Start + limit.Window - now;
        return new Lease(false, retryAfter, refusal);
    }

    private void Sweep(DateTimeOffset now)
    {
        lock (sweeping)
        {
            if (now < nextSweep)
            {
                return;
            }

            nextSweep = now + limit.Window;
        }

        foreach (var entry in windows)
        {
            if (entry.Value.HasEnded(now, limit.Window))
            {
                windows.TryRemove(entry);
            }
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; private set; } = start;

        public int Spent { get; set; }

        public bool HasEnded(DateTimeOffset now, TimeSpan length)
        {
            lock (this)
            {
                return now >= Start + length;
            }
        }

        public void RollOver(DateTimeOffset now, TimeSpan length)
        {
            if (now >= Start + length)
            {
                Start = now;
                Spent = 0;
            }
        }
    }

    /// <summary>A permit given or refused; a refusal carries when to retry and why, for the 429 problem.</summary>
    public sealed class Lease(bool acquired, TimeSpan retryAfter = default, string? reason = null) : RateLimitLease
    {
        public static Lease Allowed { get; } = new(true);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name, MetadataName.ReasonPhrase.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (!acquired && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            if (!acquired && metadataName == MetadataName.ReasonPhrase.Name)
            {
                metadata = reason;
                return true;
            }

            metadata = null;
            return false;
        }

        /// <summary>Whole seconds, rounded up, never 0: what the <c>Retry-After</c> header says.</summary>
        public static string Seconds(TimeSpan wait) =>
            Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
