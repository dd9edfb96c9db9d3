namespace OrleansCrm.Grains.Scheduling;

/// <summary>
/// What a grain's one reminder is armed for, kept in the grain's state: the due instant it was armed for and when it
/// first fires (earlier when the due instant lies beyond the cap). A change or a tick that leaves the earliest due
/// instant where it was then writes nothing: the reminder already fires for it, and its period retries failed work.
/// </summary>
/// <remarks>
/// The grain brings the record to its next due instant before it writes its state (<see cref="IDueWorkScheduler.Plan"/>)
/// and arms after the write (<see cref="IDueWorkScheduler.ArmAsPlannedAsync"/>), so the record is stored
/// with the state it was planned for. Whether the reminder is written as recorded is known only to the activation that
/// wrote or read it (<see cref="Reminder"/>, not stored): an activation that stored the record may have died before
/// its reminder write, so a record loaded from storage is checked against the reminder once (a read, a write only
/// when the reminder is missing or late).
/// </remarks>
[GenerateSerializer, Alias("OrleansCrm.ArmedDueWork")]
public sealed class ArmedDueWork
{
    /// <summary>The due instant the reminder is armed for; null when none is armed.</summary>
    [Id(0)]
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When the armed reminder first fires (business clock); before <see cref="DueAt"/> when capped.</summary>
    [Id(1)]
    public DateTimeOffset? FiresAt { get; set; }

    /// <summary>Not stored: what this activation knows of the reminder.</summary>
    [NonSerialized]
    private ArmedReminder reminder;

    /// <summary>Whether the reminder is as recorded, as far as this activation knows (not stored).</summary>
    public ArmedReminder Reminder => reminder;

    /// <summary>The record of a grain never stored: no reminder can be armed for it yet.</summary>
    public static ArmedDueWork NoneYet() => new() { reminder = ArmedReminder.AsRecorded };

    /// <summary>
    /// Whether the reminder must be registered (or removed) for <paramref name="nextDue"/>: the due instant moved, or
    /// the reminder was capped short of it and that hop is over.
    /// </summary>
    public bool NeedsArming(DateTimeOffset? nextDue, DateTimeOffset now) =>
        nextDue != DueAt || (nextDue is not null && FiresAt < DueAt && now >= FiresAt);

    /// <summary>A tick proves a reminder fires: with no due instant recorded it is one left over, which the next arm removes.</summary>
    public void TickArrived()
    {
        if (DueAt is null)
        {
            reminder = ArmedReminder.ToWrite;
        }
    }

    /// <summary>The reminder is to be written for <paramref name="dueAt"/>, first firing at <paramref name="firesAt"/>.</summary>
    internal void Planned(DateTimeOffset? dueAt, DateTimeOffset? firesAt)
    {
        (DueAt, FiresAt) = (dueAt, firesAt);
        reminder = ArmedReminder.ToWrite;
    }

    /// <summary>The reminder is written (or was found) as recorded; it first fires at <paramref name="firesAt"/>.</summary>
    internal void Armed(DateTimeOffset? firesAt)
    {
        FiresAt = firesAt;
        reminder = ArmedReminder.AsRecorded;
    }
}
