namespace OrleansCrm.Grains.Scheduling;

/// <summary>
/// The one way anything is scheduled. A grain keeps its pending items in its own persisted state
/// and, after every change, arms its one reminder for the earliest of them (or none). The tick
/// arrives through <c>IRemindable.ReceiveReminder</c> with <see cref="DueWork.ReminderName"/>;
/// the grain then runs every item already due by the clock, persists, and arms again.
/// </summary>
public interface IDueWorkScheduler
{
    /// <summary>
    /// Arms the grain's reminder for <paramref name="nextDue"/> (or removes it when null): after every change and every
    /// tick. Writes the reminder only when the instant moved since this activation armed it (see <see cref="ArmedDueWork"/>).
    /// </summary>
    Task ArmAsync(Grain grain, DateTimeOffset? nextDue);

    /// <summary>
    /// Arms for <paramref name="nextDue"/> as <paramref name="armed"/> (the record in the grain's state) needs: nothing
    /// when it already is; otherwise registers or removes the reminder and updates the record. True when the record
    /// changed, so the grain persists it with its state (and a tick that moved nothing writes nothing).
    /// </summary>
    /// <remarks>The default (for decorators) arms through <see cref="ArmAsync"/> whenever the instant moved.</remarks>
    async Task<bool> ArmIfMovedAsync(Grain grain, ArmedDueWork armed, DateTimeOffset? nextDue)
    {
        if (armed.DueAt == nextDue && armed.FiresAt is null)
        {
            return false;
        }

        await ArmAsync(grain, nextDue);
        armed.Record(nextDue, null);
        return true;
    }

    /// <summary>
    /// Like <see cref="ArmAsync"/>, but leaves a reminder alone that already fires no later than <paramref name="nextDue"/>
    /// needs (an early tick is harmless: it re-arms). What a grain does when it reconciles: a read, and a write only
    /// when the reminder is missing or late.
    /// </summary>
    Task EnsureArmedAsync(Grain grain, DateTimeOffset? nextDue);

    /// <summary><see cref="EnsureArmedAsync"/> that also brings <paramref name="armed"/> up to date; true when it changed.</summary>
    async Task<bool> ReconcileArmedAsync(Grain grain, ArmedDueWork armed, DateTimeOffset? nextDue)
    {
        await EnsureArmedAsync(grain, nextDue);
        var changed = armed.DueAt != nextDue || armed.FiresAt is not null;
        armed.Record(nextDue, null);
        return changed;
    }
}
