namespace OrleansCrm.Domain.Scheduling;

/// <summary>
/// When a grain's one reminder should next fire for its earliest pending item. Items already
/// due (their last run failed) wait one retry period rather than firing at once in a loop;
/// far-future items are reached in hops no longer than the cap.
/// </summary>
public static class ReminderPlan
{
    /// <summary>How much later than planned an armed reminder may fire and still count as armed in time (clocks read a moment apart).</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    public static TimeSpan DueIn(DateTimeOffset now, DateTimeOffset nextDue, TimeSpan retryPeriod, TimeSpan cap)
    {
        var wait = nextDue - now;
        if (wait <= TimeSpan.Zero)
        {
            return retryPeriod;
        }

        return wait < cap ? wait : cap;
    }

    /// <summary>How long until a reminder first due at <paramref name="startAt"/> and repeating every <paramref name="period"/> fires next.</summary>
    public static TimeSpan NextFireIn(DateTimeOffset now, DateTimeOffset startAt, TimeSpan period)
    {
        if (startAt > now)
        {
            return startAt - now;
        }

        if (period <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var sinceLast = TimeSpan.FromTicks((now - startAt).Ticks % period.Ticks);
        return sinceLast == TimeSpan.Zero ? TimeSpan.Zero : period - sinceLast;
    }

    /// <summary>
    /// An armed reminder is right when it repeats on the retry period and fires no later than the plan needs:
    /// an early tick is harmless (it runs nothing and re-arms), a late or missing one leaves work undone.
    /// </summary>
    public static bool ArmedInTime(TimeSpan firesIn, TimeSpan period, TimeSpan plannedDueIn, TimeSpan retryPeriod) =>
        period == retryPeriod && firesIn <= plannedDueIn + Slack;
}
