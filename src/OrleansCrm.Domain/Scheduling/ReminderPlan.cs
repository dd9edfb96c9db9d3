namespace OrleansCrm.Domain.Scheduling;

/// <summary>
/// When a grain's one reminder should next fire for its earliest pending item. Items already
/// due (their last run failed) wait one retry period rather than firing at once in a loop;
/// far-future items are reached in hops no longer than the cap.
/// </summary>
public static class ReminderPlan
{
    public static TimeSpan DueIn(DateTimeOffset now, DateTimeOffset nextDue, TimeSpan retryPeriod, TimeSpan cap)
    {
        var wait = nextDue - now;
        if (wait <= TimeSpan.Zero)
        {
            return retryPeriod;
        }

        return wait < cap ? wait : cap;
    }
}
