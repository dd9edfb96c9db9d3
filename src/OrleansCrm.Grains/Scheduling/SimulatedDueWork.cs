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
    private readonly ConcurrentDictionary<GrainId, DateTimeOffset> fires = new();

    public int Pending => fires.Count;

    public bool Plan(ArmedDueWork armed, DateTimeOffset? nextDue)
    {
        if (!armed.NeedsArming(nextDue, clock.GetUtcNow()))
        {
            return false;
        }

        armed.Planned(nextDue, nextDue is null ? null : Planned(nextDue.Value));
        return true;
    }

    /// <summary>
    /// The simulated reminders are one-shot (a tick takes its grain's entry) and cost nothing to read, so every arm
    /// checks the entry: written when the record moved, or when the entry is missing or would fire late.
    /// </summary>
    public Task ArmAsPlannedAsync(Grain grain, ArmedDueWork armed)
    {
        var id = grain.GetGrainId();
        if (armed.DueAt is not { } dueAt)
        {
            fires.TryRemove(id, out _);
            armed.Armed(null);
        }
        else if (armed.Reminder != ArmedReminder.ToWrite && fires.TryGetValue(id, out var at) && at <= Planned(dueAt))
        {
            armed.Armed(at); // fires in time; an early tick only re-arms
        }
        else
        {
            armed.Armed(Arm(id, dueAt));
        }

        return Task.CompletedTask;
    }

    /// <summary>Work already due waits one retry period, as the reminder's period makes it wait in production.</summary>
    internal DateTimeOffset Arm(GrainId id, DateTimeOffset at) => fires[id] = Planned(at);

    private DateTimeOffset Planned(DateTimeOffset at)
    {
        var now = clock.GetUtcNow();
        return at <= now ? now + options.Value.RetryPeriod : at;
    }

    /// <summary>Takes every grain whose work falls due at the earliest instant, if that instant is no later than <paramref name="until"/>.</summary>
    /// <remarks>
    /// Grains arm while this looks (a job re-arms after its tick has answered): an entry found earliest may have moved
    /// before it is taken. Then the earliest is looked for again; only an empty look answers "nothing due".
    /// </remarks>
    internal IReadOnlyList<GrainId> TakeEarliest(DateTimeOffset until, out DateTimeOffset at)
    {
        while (true)
        {
            at = default;
            var earliest = DateTimeOffset.MaxValue;
            foreach (var due in fires.Values)
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

            var taken = new List<GrainId>();
            foreach (var (id, due) in fires)
            {
                if (due == earliest && fires.TryRemove(new KeyValuePair<GrainId, DateTimeOffset>(id, due)))
                {
                    taken.Add(id);
                }
            }

            if (taken.Count > 0)
            {
                at = earliest;
                return taken;
            }
        }
    }
}
