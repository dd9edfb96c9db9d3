namespace OrleansCrm.Contracts.Scheduling;

/// <summary>
/// The business clock every grain and rule reads. It wraps the system clock in production, a
/// <c>FakeTimeProvider</c> in tests and the simulated clock in preview mode. It is its own type so
/// that Orleans' internal timers keep running on real time whatever the business clock says.
/// </summary>
public sealed class CrmClock(TimeProvider time) : TimeProvider
{
    public TimeProvider Inner { get; } = time;

    /// <summary>Now, in whole microseconds: the precision PostgreSQL keeps, so an instant reads back as it was written.</summary>
    public override DateTimeOffset GetUtcNow() => ToMicroseconds(Inner.GetUtcNow());

    public static DateTimeOffset ToMicroseconds(DateTimeOffset instant) =>
        instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMicrosecond));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override long GetTimestamp() => Inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Inner.CreateTimer(callback, state, dueTime, period);
}
