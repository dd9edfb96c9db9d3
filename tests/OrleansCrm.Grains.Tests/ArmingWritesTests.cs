using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Testing;

namespace OrleansCrm.Grains.Tests;

/// <summary>
/// The reminder row and the grain's state are written when the earliest due instant moves, not on every change or
/// tick: a note, an item due later than the earliest, or a tick with nothing due leaves both as they were.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ArmingWritesTests(ClusterFixture fixture)
{
    private static TickStatus Tick(DateTimeOffset at) => new(at.UtcDateTime, TimeSpan.FromMinutes(1), at.UtcDateTime);

    private IReminderTable Table => fixture.SiloServices.GetRequiredService<IReminderTable>();

    [Fact]
    public async Task A_change_that_leaves_the_earliest_due_instant_where_it_was_does_not_rewrite_the_reminder()
    {
        var grain = fixture.Client.GetGrain<IProbeWorkGrain>("unmoved-" + Guid.NewGuid());
        var start = fixture.Time.GetUtcNow();
        await grain.ScheduleAsync("trial reminder", start.AddDays(2));
        var armed = await Table.ReadRow(grain.GetGrainId(), DueWork.ReminderName);

        await grain.ScheduleAsync("product charge", start.AddDays(5));
        await grain.ScheduleAsync("trial reminder", start.AddDays(2));
        var unmoved = await Table.ReadRow(grain.GetGrainId(), DueWork.ReminderName);
        await grain.ScheduleAsync("shipping charge", start.AddHours(1));
        var moved = await Table.ReadRow(grain.GetGrainId(), DueWork.ReminderName);

        Assert.Equal(armed!.ETag, unmoved!.ETag);
        Assert.NotEqual(unmoved.ETag, moved!.ETag);
    }

    [Fact]
    public async Task A_tick_with_nothing_due_writes_neither_the_state_nor_the_reminder_and_one_that_runs_work_writes_both()
    {
        var grain = fixture.Client.GetGrain<IArmedProbeGrain>("tick-" + Guid.NewGuid());
        var start = fixture.Time.GetUtcNow();
        await grain.AddAsync("charge", start.AddDays(1));
        await grain.AddAsync("a note", null);
        var armed = await Table.ReadRow(grain.GetGrainId(), DueWork.ReminderName);
        Assert.Equal(2, await grain.GetStateWritesAsync());

        var remindable = grain.AsReference<IRemindable>();
        await remindable.ReceiveReminder(DueWork.ReminderName, Tick(start));
        await remindable.ReceiveReminder(DueWork.ReminderName, Tick(start));

        Assert.Equal(2, await grain.GetStateWritesAsync());
        Assert.Equal(armed!.ETag, (await Table.ReadRow(grain.GetGrainId(), DueWork.ReminderName))!.ETag);

        fixture.Time.Advance(TimeSpan.FromDays(1));
        await remindable.ReceiveReminder(DueWork.ReminderName, Tick(start.AddDays(1)));

        Assert.Equal(["charge"], await grain.GetDoneAsync());
        Assert.Equal(3, await grain.GetStateWritesAsync());
        Assert.Null(await Table.ReadRow(grain.GetGrainId(), DueWork.ReminderName));
    }
}
