using OrleansCrm.Contracts.Scheduling;

namespace OrleansCrm.Grains.Scheduling;

/// <summary>
/// A clock that stands still until it is moved, like a payment provider's test clock. It starts at
/// real now and only goes forward. Used when <c>Clock:Simulated=true</c>.
/// </summary>
public sealed class SimulatedTime(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = CrmClock.ToMicroseconds(start);

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    internal void MoveTo(DateTimeOffset instant)
    {
        instant = CrmClock.ToMicroseconds(instant);
        lock (gate)
        {
            if (instant > now)
            {
                now = instant;
            }
        }
    }
}
