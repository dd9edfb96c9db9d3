using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Domain.Common;
using OrleansCrm.Grains.Scheduling;

using OrleansCrm.Testing;

namespace OrleansCrm.Grains.Tests;

[Collection(SimulatedClockCollection.Name)]
public sealed class TestClockTests(SimulatedClockFixture fixture)
{
    private TestClock Clock => fixture.SiloServices.GetRequiredService<TestClock>();

    [Fact]
    public async Task Advancing_runs_every_item_that_falls_due_in_due_order_with_the_clock_at_its_due_time()
    {
        var start = Clock.Now;
        var a = fixture.Client.GetGrain<IProbeWorkGrain>("a-" + Guid.NewGuid());
        var b = fixture.Client.GetGrain<IProbeWorkGrain>("b-" + Guid.NewGuid());
        await a.ScheduleAsync("day 3", start.AddDays(3));
        await b.ScheduleAsync("day 1", start.AddDays(1));
        await a.ScheduleAsync("day 2", start.AddDays(2));
        await b.ScheduleAsync("day 40", start.AddDays(40));

        var advance = await Clock.AdvanceToAsync(start.AddDays(30));

        var runs = (await a.GetRunsAsync()).Concat(await b.GetRunsAsync()).OrderBy(r => r.RanAt).ToList();
        Assert.Equal(["day 1", "day 2", "day 3"], runs.Select(r => r.Item));
        Assert.All(runs, r => Assert.Equal(r.DueAt, r.RanAt));
        Assert.Equal(start.AddDays(30), Clock.Now);
        Assert.True(advance.TicksDelivered >= 3);
    }

    [Fact]
    public async Task Work_due_after_the_target_does_not_run()
    {
        var start = Clock.Now;
        var grain = fixture.Client.GetGrain<IProbeWorkGrain>("later-" + Guid.NewGuid());
        await grain.ScheduleAsync("next month", start.AddDays(31));

        await Clock.AdvanceToAsync(start.AddDays(1));

        Assert.Empty(await grain.GetRunsAsync());
    }

    [Fact]
    public async Task The_clock_refuses_to_move_backwards()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Clock.AdvanceToAsync(Clock.Now.AddSeconds(-1)));
        Assert.Equal(ProblemKind.Conflict, error.Kind);
    }
}
