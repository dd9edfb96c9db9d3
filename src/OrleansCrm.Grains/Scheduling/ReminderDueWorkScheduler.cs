using OrleansCrm.Contracts.Scheduling;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Reminders;
using OrleansCrm.Domain.Scheduling;

namespace OrleansCrm.Grains.Scheduling;

/// <summary>
/// Production scheduling: one Orleans reminder per grain with work pending, written only when the due instant it is
/// armed for moves (a change or a tick that leaves it in place writes no reminder row), and checked by a read when an
/// activation meets a record it did not write.
/// </summary>
public sealed class ReminderDueWorkScheduler(
    CrmClock clock,
    IOptions<DueWorkOptions> options,
    IReminderTable reminders,
    [FromKeyedServices(ReminderTimeProviderNames.Reminders)] TimeProvider reminderTime) : IDueWorkScheduler
{
    /// <summary>Per activation: the reminder it registered, so disarming needs no read first.</summary>
    private readonly ConditionalWeakTable<Grain, Activation> activations = [];

    public bool Plan(ArmedDueWork armed, DateTimeOffset? nextDue)
    {
        var now = clock.GetUtcNow();
        if (!armed.NeedsArming(nextDue, now))
        {
            return false;
        }

        armed.Planned(nextDue, nextDue is null ? null : now + PlannedDueIn(nextDue.Value));
        return true;
    }

    public async Task ArmAsPlannedAsync(Grain grain, ArmedDueWork armed)
    {
        if (armed.Reminder == ArmedReminder.AsRecorded)
        {
            return;
        }

        if (armed.Reminder == ArmedReminder.Unchecked && armed.DueAt is { } dueAt && await FiresInTimeAtAsync(grain, dueAt) is { } firesAt)
        {
            armed.Armed(firesAt); // in place since before this activation: not written again
            return;
        }

        armed.Armed(await WriteAsync(grain, Of(grain), armed.DueAt));
    }

    /// <summary>Registers the reminder for <paramref name="nextDue"/> or removes it; when it first fires (business clock).</summary>
    private async Task<DateTimeOffset?> WriteAsync(Grain grain, Activation activation, DateTimeOffset? nextDue)
    {
        if (nextDue is null)
        {
            await RemoveAsync(grain, activation);
            return null;
        }

        var dueIn = PlannedDueIn(nextDue.Value);
        activation.Reminder = await grain.RegisterOrUpdateReminder(DueWork.ReminderName, dueIn, options.Value.RetryPeriod);
        return clock.GetUtcNow() + dueIn;
    }

    private static async Task RemoveAsync(Grain grain, Activation activation)
    {
        if (activation.Reminder is { } known)
        {
            activation.Reminder = null;
            try
            {
                await grain.UnregisterReminder(known);
                return;
            }
            catch (Orleans.Runtime.ReminderException)
            {
                // Changed since this activation registered it: find it as it is now.
            }
        }

        var existing = await grain.GetReminder(DueWork.ReminderName);
        if (existing is not null)
        {
            await grain.UnregisterReminder(existing);
        }
    }

    /// <summary>When the stored reminder next fires, if that is in time for <paramref name="nextDue"/>; null when it is missing or late.</summary>
    private async Task<DateTimeOffset?> FiresInTimeAtAsync(Grain grain, DateTimeOffset nextDue)
    {
        // The row as the reminder service keeps it, read on the reminder service's own clock (not the business clock).
        var row = await reminders.ReadRow(grain.GetGrainId(), DueWork.ReminderName);
        if (row is null)
        {
            return null;
        }

        var startAt = new DateTimeOffset(DateTime.SpecifyKind(row.StartAt, DateTimeKind.Utc));
        var firesIn = ReminderPlan.NextFireIn(reminderTime.GetUtcNow(), startAt, row.Period);
        return ReminderPlan.ArmedInTime(firesIn, row.Period, PlannedDueIn(nextDue), options.Value.RetryPeriod)
            ? clock.GetUtcNow() + firesIn
            : null;
    }

    private TimeSpan PlannedDueIn(DateTimeOffset nextDue)
    {
        var settings = options.Value;
        return ReminderPlan.DueIn(clock.GetUtcNow(), nextDue, settings.RetryPeriod, settings.MaxDueTime);
    }

    private Activation Of(Grain grain) => activations.GetValue(grain, _ => new Activation());

    private sealed class Activation
    {
        public IGrainReminder? Reminder { get; set; }
    }
}
