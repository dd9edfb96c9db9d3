using Cronos;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Shop;

/// <summary>
/// When a nightly job runs: a cron expression read on the wall clock of a time zone (02:00 America/New_York by
/// default). Cronos knows the zone's daylight saving: a time the spring-forward night skips runs at the first instant
/// after the gap (03:00 EDT), a time the fall-back night repeats runs once (its first occurrence).
/// </summary>
public sealed class NightlySchedule
{
    public const string DefaultCron = "0 2 * * *";

    public const string DefaultTimeZone = "America/New_York";

    private readonly CronExpression expression;
    private readonly TimeZoneInfo zone;

    public NightlySchedule(string cron, string timeZoneId)
    {
        if (!CronExpression.TryParse(cron, CronFormat.Standard, out var parsed))
        {
            throw new ArgumentException($"'{cron}' is not a five-field cron expression.", nameof(cron));
        }

        expression = parsed;
        zone = TimeZones.TryFind(timeZoneId, out var found) ? found : throw new ArgumentException($"Unknown IANA time zone '{timeZoneId}'.", nameof(timeZoneId));
        (Cron, TimeZoneId) = (cron, timeZoneId);
    }

    public static NightlySchedule Default { get; } = new(DefaultCron, DefaultTimeZone);

    public string Cron { get; }

    public string TimeZoneId { get; }

    /// <summary>The first scheduled instant strictly after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset instant) =>
        expression.GetNextOccurrence(instant, zone) ?? throw new InvalidOperationException($"The cron '{Cron}' never occurs again.");

    /// <summary>The business date a scheduled instant runs for: its date on the zone's wall clock.</summary>
    public DateOnly BusinessDateOf(DateTimeOffset occurrence) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurrence, zone).DateTime);

    /// <summary>
    /// The run due at <paramref name="now"/> for a job whose next run was <paramref name="scheduledFor"/>: none before
    /// it; otherwise one run, for the latest scheduled instant reached (nights missed while the cluster was down are
    /// caught up by this one run, not one per night), and the job's next instant after now.
    /// </summary>
    public NightlyRun? DueAt(DateTimeOffset scheduledFor, DateTimeOffset now)
    {
        if (now < scheduledFor)
        {
            return null;
        }

        var latest = expression.GetOccurrences(scheduledFor, now, zone, fromInclusive: true, toInclusive: true).LastOrDefault();
        var runFor = latest == default ? scheduledFor : latest;
        return new NightlyRun(BusinessDateOf(runFor), runFor, NextAfter(now));
    }
}
