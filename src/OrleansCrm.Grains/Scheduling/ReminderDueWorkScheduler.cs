using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using OrleansCrm.Domain.Scheduling;

namespace OrleansCrm.Grains.Scheduling;

/// <summary>Production scheduling: one Orleans reminder per grain with work pending.</summary>
public sealed class ReminderDueWorkScheduler(CrmClock clock, IOptions<DueWorkOptions> options) : IDueWorkScheduler
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
        var dueIn = ReminderPlan.DueIn(clock.GetUtcNow(), nextDue.Value, settings.RetryPeriod, settings.MaxDueTime);
        registered.AddOrUpdate(grain, await grain.RegisterOrUpdateReminder(DueWork.ReminderName, dueIn, settings.RetryPeriod));
    }
}
