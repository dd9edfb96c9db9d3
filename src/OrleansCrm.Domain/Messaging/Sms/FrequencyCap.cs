namespace OrleansCrm.Domain.Messaging.Sms;

/// <summary>At most <paramref name="Count"/> automated SMS to one number within any <paramref name="Window"/>.</summary>
public sealed record FrequencyCap(int Count, TimeSpan Window)
{
    /// <summary>True when one more may go at <paramref name="now"/>, given when the earlier ones went.</summary>
    public bool Allows(IEnumerable<DateTimeOffset> sentAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sentAt);
        return Count <= 0 || sentAt.Count(at => at > now - Window && at <= now) < Count;
    }

    /// <summary>The sends still inside the window at <paramref name="now"/> (what a recipient needs to keep).</summary>
    public IEnumerable<DateTimeOffset> StillCounting(IEnumerable<DateTimeOffset> sentAt, DateTimeOffset now) =>
        sentAt.Where(at => at > now - Window);
}
