using Microsoft.Extensions.Options;
using OrleansCrm.Domain.Scheduling;

namespace OrleansCrm.Grains.Scheduling;

/// <summary>Production scheduling: one Orleans reminder per grain with work pending.</summary>
public sealed class ReminderDueWorkScheduler(CrmClock clock, IOptions<DueWorkOptions> options) : IDueWorkScheduler
{
    public async Task ArmAsync(Grain grain, DateTimeOffset? nextDue)
    {
        if (nextDue is null)
        {
            var existing = await grain.GetReminder(DueWork.ReminderName);
            if (existing is not null)
            {
                await grain.UnregisterReminder(existing);
            }

            return;
        }

        var settings = options.Value;
        var dueIn = ReminderPlan.DueIn(clock.GetUtcNow(), nextDue.Value, settings.RetryPeriod, settings.MaxDueTime);
        await grain.RegisterOrUpdateReminder(DueWork.ReminderName, dueIn, settings.RetryPeriod);
    }
}
