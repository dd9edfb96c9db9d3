namespace OrleansCrm.Grains.Scheduling;

/// <summary>
/// The one way anything is scheduled. A grain keeps its pending items in its own persisted state
/// and, after every change, arms its one reminder for the earliest of them (or none). The tick
/// arrives through <c>IRemindable.ReceiveReminder</c> with <see cref="DueWork.ReminderName"/>;
/// the grain then runs every item already due by the clock, persists, and arms again.
/// </summary>
public interface IDueWorkScheduler
{
    /// <summary>Arms the grain's reminder for <paramref name="nextDue"/> (or removes it when null): after every change and every tick.</summary>
    Task ArmAsync(Grain grain, DateTimeOffset? nextDue);

    /// <summary>
    /// Like <see cref="ArmAsync"/>, but leaves a reminder alone that already fires no later than <paramref name="nextDue"/>
    /// needs (an early tick is harmless: it re-arms). What a grain does when it reconciles: a read, and a write only
    /// when the reminder is missing or late.
    /// </summary>
    Task EnsureArmedAsync(Grain grain, DateTimeOffset? nextDue);
}

/// <summary>The settings of the pattern.</summary>
public sealed class DueWorkOptions
{
    /// <summary>How soon a tick whose work failed is tried again (the reminder's period).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a reminder is armed ahead; farther items are reached by re-arming.</summary>
    public TimeSpan MaxDueTime { get; set; } = TimeSpan.FromDays(7);
}

public static class DueWork
{
    public const string ReminderName = "due-work";
}
