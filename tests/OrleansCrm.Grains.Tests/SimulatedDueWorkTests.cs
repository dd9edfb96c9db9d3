using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Tests;

/// <summary>The simulated scheduler's take, while grains arm at the same time (as a job does after its tick answered).</summary>
public sealed class SimulatedDueWorkTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Work_that_is_due_is_always_taken_even_while_another_grain_moves_its_due_instant()
    {
        var work = new SimulatedDueWork(new CrmClock(new FakeTimeProvider(Start)), Options.Create(new DueWorkOptions()));
        var due = GrainId.Create("probe", "due-on-day-1");
        var moving = GrainId.Create("probe", "re-arming");
        using var stop = new CancellationTokenSource();

        // Moves its entry between two instants, both earlier than the due work, as fast as it can.
        var mover = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                work.Arm(moving, Start.AddHours(1 + (i % 2)));
            }
        });

        var answeredNothingDue = 0;
        for (var n = 0; n < 100_000; n++)
        {
            work.Arm(due, Start.AddDays(1));
            if (work.TakeEarliest(Start.AddDays(2), out _).Count == 0)
            {
                answeredNothingDue++;
            }
        }

        await stop.CancelAsync();
        await mover;
        Assert.Equal(0, answeredNothingDue);
    }
}
