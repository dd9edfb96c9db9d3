namespace OrleansCrm.Contracts.Scheduling;

/// <summary>The settings of the pattern.</summary>
public sealed class DueWorkOptions
{
    /// <summary>How soon a tick whose work failed is tried again (the reminder's period).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a reminder is armed ahead; farther items are reached by re-arming.</summary>
    public TimeSpan MaxDueTime { get; set; } = TimeSpan.FromDays(7);
}
