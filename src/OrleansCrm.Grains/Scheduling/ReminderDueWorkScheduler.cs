using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Reminders;
using OrleansCrm.Domain.Scheduling;

namespace OrleansCrm.Grains.Scheduling;

/// <summary>Production scheduling: one Orleans reminder per grain with work pending.</summary>
public sealed class ReminderDueWorkScheduler(
    CrmClock clock,
    IOptions<DueWorkOptions> options,
    IReminderTable reminders,
    [FromKeyedServices(ReminderTimeProviderNames.Reminders)] TimeProvider reminderTime) : IDueWorkScheduler
{
    /// <summary>The reminder each activation registered, so disarming it needs no read of the reminder table first.</summary>
    private readonly ConditionalWeakTable<Grain, IGrainReminder> registered = [];

    public async Task ArmAsync(Grain grain, DateTimeOffset? nextDue)
    {
        if (nextDue is null)
        {
            if (registered.TryGetValue(grain, out var known))
            {
                registered.Remove(grain);
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

            return;
        }

        var settings = options.Value;
        registered.AddOrUpdate(grain, await grain.RegisterOrUpdateReminder(DueWork.ReminderName, PlannedDueIn(nextDue.Value), settings.RetryPeriod));
    }

    public async Task EnsureArmedAsync(Grain grain, DateTimeOffset? nextDue)
    {
        if (nextDue is null)
        {
            await ArmAsync(grain, null);
            return;
        }

        // The row as the reminder service keeps it, read on the reminder service's own clock (not the business clock).
        var row = await reminders.ReadRow(grain.GetGrainId(), DueWork.ReminderName);
        if (row is not null)
        {
            var startAt = new DateTimeOffset(DateTime.SpecifyKind(row.StartAt, DateTimeKind.Utc));
            var firesIn = ReminderPlan.NextFireIn(reminderTime.GetUtcNow(), startAt, row.Period);
            if (ReminderPlan.ArmedInTime(firesIn, row.Period, PlannedDueIn(nextDue.Value), options.Value.RetryPeriod))
            {
                return;
            }
        }

        await ArmAsync(grain, nextDue);
    }

    private TimeSpan PlannedDueIn(DateTimeOffset nextDue)
    {
        var settings = options.Value;
        return ReminderPlan.DueIn(clock.GetUtcNow(), nextDue, settings.RetryPeriod, settings.MaxDueTime);
    }
}
