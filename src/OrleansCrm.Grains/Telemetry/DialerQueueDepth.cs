using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Grains.Telemetry;

/// <summary>
/// One active dialer's last published queue depth, read by the <c>crm.dialer.queue</c> gauge. The dialer publishes
/// from its own turns (its queue is not safe to read from the exporter's thread); disposing it takes the dialer out of the gauge.
/// </summary>
public sealed class DialerQueueDepth : IDisposable
{
    private readonly Action<DialerQueueDepth> remove;

    internal DialerQueueDepth(Action<DialerQueueDepth> remove) => this.remove = remove;

    /// <summary>The stats last published (read and written as one reference, so the exporter sees a whole snapshot).</summary>
    public DialerStats Last { get; private set; } = new(0, 0, 0, 0, 0);

    public void Publish(DialerStats stats) => Last = stats;

    public void Dispose() => remove(this);
}
