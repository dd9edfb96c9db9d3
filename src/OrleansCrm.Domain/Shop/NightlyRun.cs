namespace OrleansCrm.Domain.Shop;

/// <summary>One nightly run due: the business date it is for, the scheduled instant it stands for, and the job's next instant.</summary>
public sealed record NightlyRun(DateOnly BusinessDate, DateTimeOffset ScheduledFor, DateTimeOffset NextRunAt);
