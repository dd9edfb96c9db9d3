using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// When an unanswered contact comes back (seed 001): one hour after the first "no contact" call, then
/// 24 hours after each further consecutive "no contact" call's actual time. The delays come from the
/// campaign's retry policy.
/// </summary>
public static class NoContactRetryPolicy
{
    /// <param name="calledAt">The actual time of the call that ended with no contact.</param>
    /// <param name="consecutiveNoContacts">How many calls in a row, this one included, ended with no contact (1 for the first).</param>
    public static DateTimeOffset NextAttemptAt(DateTimeOffset calledAt, int consecutiveNoContacts, RetryPolicy policy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveNoContacts, 1);
        var full = policy.WithDefaults();
        var minutes = consecutiveNoContacts == 1 ? full.FirstRetryMinutes!.Value : full.NextRetryMinutes!.Value;
        return calledAt.AddMinutes(minutes);
    }
}
