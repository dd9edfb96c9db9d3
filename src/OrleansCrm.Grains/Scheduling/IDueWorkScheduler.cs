namespace OrleansCrm.Grains.Scheduling;

/// <summary>
/// The one way anything is scheduled. A grain keeps its pending items in its own persisted state, with the record of
/// what its one reminder is armed for (<see cref="ArmedDueWork"/>). Before every state write it brings the record to
/// the earliest pending item (<see cref="Plan"/>), after the write it arms (<see cref="ArmAsPlannedAsync"/>):
/// a change or a tick that moves no due instant writes no reminder row. The tick arrives through
/// <c>IRemindable.ReceiveReminder</c> with <see cref="DueWork.ReminderName"/>; the grain then runs every item already
/// due by the clock, persists, and arms again.
/// </summary>
public interface IDueWorkScheduler
{
    /// <summary>
    /// Brings <paramref name="armed"/> to <paramref name="nextDue"/>, before the grain writes the state that holds it:
    /// true when the due instant moved (the reminder is written on the next <see cref="ArmAsPlannedAsync"/>).
    /// </summary>
    bool Plan(ArmedDueWork armed, DateTimeOffset? nextDue);

    /// <summary>
    /// After the state holding <paramref name="armed"/> is written: writes the reminder when the record moved; checks a
    /// record this activation has not checked yet (a read; a write only when the reminder is missing or late); nothing
    /// when the reminder is as recorded.
    /// </summary>
    Task ArmAsPlannedAsync(Grain grain, ArmedDueWork armed);
}
