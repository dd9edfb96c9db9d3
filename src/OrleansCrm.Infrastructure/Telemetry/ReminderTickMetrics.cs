using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Grains.Telemetry;

namespace OrleansCrm.Infrastructure.Telemetry;

/// <summary>
/// Every reminder tick of the one scheduling pattern, counted on its way into the grain, with how late it arrived:
/// the tick's own due instant against the business clock. A silo-wide filter, so no grain carries the meter.
/// </summary>
public sealed class ReminderTickMetrics(CrmClock clock) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.GetArgumentCount() >= 2
            && context.Request.GetArgument(0) is string name && name == DueWork.ReminderName
            && context.Request.GetArgument(1) is TickStatus tick)
        {
            CrmMetrics.ReminderTick(context.TargetId.Type.ToString() ?? "grain", clock.GetUtcNow() - new DateTimeOffset(tick.CurrentTickTime.ToUniversalTime(), TimeSpan.Zero));
        }

        return context.Invoke();
    }
}
