using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Grains.Scheduling;

using OrleansCrm.Testing;

namespace OrleansCrm.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DueWorkPatternTests(ClusterFixture fixture)
{
    private static TickStatus Tick(DateTimeOffset at) => new(at.UtcDateTime, TimeSpan.FromMinutes(1), at.UtcDateTime);

    [Fact]
    public async Task A_due_item_runs_once_when_time_passes_it_even_when_the_tick_is_delivered_twice()
    {
        var grain = fixture.Client.GetGrain<IProbeWorkGrain>("twice-" + Guid.NewGuid());
        var dueAt = fixture.Time.GetUtcNow().AddDays(1);
        await grain.ScheduleAsync("charge", dueAt);
        Assert.True(await grain.HasReminderAsync());

        var remindable = grain.AsReference<IRemindable>();
        await remindable.ReceiveReminder(DueWork.ReminderName, Tick(fixture.Time.GetUtcNow()));
        Assert.Empty(await grain.GetRunsAsync());

        fixture.Time.Advance(TimeSpan.FromDays(1));
        await remindable.ReceiveReminder(DueWork.ReminderName, Tick(dueAt));
        await remindable.ReceiveReminder(DueWork.ReminderName, Tick(dueAt));

        var run = Assert.Single(await grain.GetRunsAsync());
        Assert.Equal("charge", run.Item);
        Assert.Equal(dueAt, run.RanAt);
        Assert.False(await grain.HasReminderAsync());
    }

    [Fact]
    public async Task Items_run_in_due_order_and_the_reminder_stays_armed_while_work_is_pending()
    {
        var grain = fixture.Client.GetGrain<IProbeWorkGrain>("order-" + Guid.NewGuid());
        var start = fixture.Time.GetUtcNow();
        await grain.ScheduleAsync("later", start.AddDays(20));
        await grain.ScheduleAsync("sooner", start.AddHours(2));

        fixture.Time.Advance(TimeSpan.FromHours(2));
        await grain.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(start.AddHours(2)));
        Assert.Equal(["sooner"], (await grain.GetRunsAsync()).Select(r => r.Item));
        Assert.True(await grain.HasReminderAsync());

        fixture.Time.Advance(TimeSpan.FromDays(20));
        await grain.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(start.AddDays(20)));
        Assert.Equal(["sooner", "later"], (await grain.GetRunsAsync()).Select(r => r.Item));
        Assert.False(await grain.HasReminderAsync());
    }

    [Fact]
    public async Task Reconciling_leaves_a_reminder_that_fires_in_time_unwritten_and_arms_one_that_is_missing_or_late()
    {
        var grain = fixture.Client.GetGrain<IProbeWorkGrain>("ensure-" + Guid.NewGuid());
        var table = fixture.SiloServices.GetRequiredService<IReminderTable>();
        var start = fixture.Time.GetUtcNow();
        await grain.ScheduleAsync("trial reminder", start.AddDays(2));
        var armed = await table.ReadRow(grain.GetGrainId(), DueWork.ReminderName);

        await grain.ReconcileAsStoredAsync();
        var inTime = await table.ReadRow(grain.GetGrainId(), DueWork.ReminderName);
        await grain.ScheduleWithoutArmingAsync("extension offer", start.AddDays(1));
        await grain.ReconcileAsStoredAsync();
        var late = await table.ReadRow(grain.GetGrainId(), DueWork.ReminderName);
        await grain.DropReminderAsync();
        await grain.ReconcileAsStoredAsync();

        Assert.Equal(armed!.ETag, inTime!.ETag); // right already: not written
        Assert.NotEqual(inTime.ETag, late!.ETag); // would have fired a day late: re-armed
        Assert.True(late.StartAt < armed.StartAt);
        Assert.True(await grain.HasReminderAsync()); // gone: armed again
    }

    [Fact]
    public async Task An_Orleans_reminder_delivers_the_tick_that_runs_the_due_item()
    {
        var grain = fixture.Client.GetGrain<IProbeWorkGrain>("real-" + Guid.NewGuid());
        await grain.ScheduleAsync("email", fixture.Time.GetUtcNow().AddSeconds(1));
        fixture.Time.Advance(TimeSpan.FromSeconds(1));

        var runs = await Eventually.WaitForAsync(grain.GetRunsAsync, r => r.Count > 0, TimeSpan.FromSeconds(30));

        Assert.Equal("email", Assert.Single(runs).Item);
    }
}
