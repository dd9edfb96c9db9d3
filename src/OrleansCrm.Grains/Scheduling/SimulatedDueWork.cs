using OrleansCrm.Contracts.Scheduling;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrleansCrm.Grains.Scheduling;

/// <summary>
/// Scheduling under the simulated clock: instead of Orleans reminders (which run on real time) the
/// due instants are kept here, and <see cref="TestClock"/> delivers each tick through the grain's
/// own <c>ReceiveReminder</c>, the path a reminder takes in production.
/// </summary>
public sealed class SimulatedDueWork(CrmClock clock, IOptions<DueWorkOptions> options) : IDueWorkScheduler
{
    private readonly ConcurrentDictionary<GrainId, DateTimeOffset> armed = new();

    public int Pending => armed.Count;

    public Task ArmAsync(Grain grain, DateTimeOffset? nextDue)
    {
        var id = grain.GetGrainId();
        if (nextDue is null)
        {
            armed.TryRemove(id, out _);
        }
        else
        {
            Arm(id, nextDue.Value);
        }

        return Task.CompletedTask;
    }

    public async Task<bool> ArmIfMovedAsync(Grain grain, ArmedDueWork armed, DateTimeOffset? nextDue)
    {
        if (!armed.NeedsArming(nextDue, clock.GetUtcNow()))
        {
            return false;
        }

        await ArmAsync(grain, nextDue);
        armed.Record(nextDue, nextDue is null ? null : Planned(nextDue.Value));
        return true;
    }

    public async Task<bool> ReconcileArmedAsync(Grain grain, ArmedDueWork armed, DateTimeOffset? nextDue)
    {
        await EnsureArmedAsync(grain, nextDue);
        DateTimeOffset? firesAt = nextDue is not null && this.armed.TryGetValue(grain.GetGrainId(), out var at) ? at : null;
        var changed = armed.DueAt != nextDue || armed.FiresAt != firesAt;
        armed.Record(nextDue, firesAt);
        return changed;
    }

    public Task EnsureArmedAsync(Grain grain, DateTimeOffset? nextDue)
    {
        var id = grain.GetGrainId();
        if (nextDue is not null && armed.TryGetValue(id, out var at) && at <= Planned(nextDue.Value))
        {
            return Task.CompletedTask; // it fires in time; an early tick only re-arms
        }

        return ArmAsync(grain, nextDue);
    }

    /// <summary>Work already due waits one retry period, as the reminder's period makes it wait in production.</summary>
    internal void Arm(GrainId id, DateTimeOffset at) => armed[id] = Planned(at);

    private DateTimeOffset Planned(DateTimeOffset at)
    {
        var now = clock.GetUtcNow();
        return at <= now ? now + options.Value.RetryPeriod : at;
    }

    /// <summary>Takes every grain whose work falls due at the earliest instant, if that instant is no later than <paramref name="until"/>.</summary>
    internal IReadOnlyList<GrainId> TakeEarliest(DateTimeOffset until, out DateTimeOffset at)
    {
        at = default;
        var earliest = DateTimeOffset.MaxValue;
        foreach (var due in armed.Values)
        {
            if (due < earliest)
            {
                earliest = due;
            }
        }

        if (earliest > until)
        {
            return [];
        }

        at = earliest;
        var taken = new List<GrainId>();
        foreach (var (id, due) in armed)
        {
            if (due == earliest && armed.TryRemove(new KeyValuePair<GrainId, DateTimeOffset>(id, due)))
            {
                taken.Add(id);
            }
        }

        return taken;
    }
}
