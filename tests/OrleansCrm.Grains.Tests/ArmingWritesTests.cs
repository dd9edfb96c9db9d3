using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Testing;

namespace OrleansCrm.Grains.Tests;

/// <summary>
/// The reminder row and the grain's state are written when the earliest due instant moves, not on every change or
/// tick: a note, an item due later than the earliest, or a tick with nothing due leaves both as they were. The record
/// of what is armed is stored with the grain's state, so a new activation finds it (a read, no reminder write).
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_order_activated_again_writes_no_reminder_row_for_a_read_a_note_or_a_tick_and_a_tick_that_moves_nothing_writes_no_state_and_no_index_row(bool onPostgres)
    {
        await using var database = onPostgres ? await TestDatabase.CreateMigratedAsync("arming") : null;
        var counts = new WriteCounts();
        await using var api = new CountingApiFactory(database?.ConnectionString, counts);
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var (number, _) = await driver.PlaceTrialAsync();
        await driver.EmailsSettledAsync(number); // the confirmation's report is in; the order waits for its day-7 reminder
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var order = grains.GetGrain<IOrderGrain>(number);
        var table = api.Services.GetRequiredService<IReminderTable>();
        var armed = await table.ReadRow(order.GetGrainId(), DueWork.ReminderName);
        Assert.NotNull(armed);

        await CollectAsync(grains, order); // a new activation...
        await order.GetAsync(); // ...reconciles: reads the reminder, finds it in time
        var writesAfterRead = counts.StateWritesOf(order.GetGrainId());
        await CollectAsync(grains, order);
        await order.AddNoteAsync("Called back, all well", "admin"); // a change that moves no due instant
        await CollectAsync(grains, order);
        var remindable = order.AsReference<IRemindable>();
        await remindable.ReceiveReminder(DueWork.ReminderName, Tick(api.Time.GetUtcNow())); // a tick on a new activation
        var (writes, upserts) = (counts.StateWritesOf(order.GetGrainId()), counts.OrderUpsertsOf(number));
        await remindable.ReceiveReminder(DueWork.ReminderName, Tick(api.Time.GetUtcNow())); // and on this one

        var after = await table.ReadRow(order.GetGrainId(), DueWork.ReminderName);
        Assert.Equal((armed!.ETag, armed.StartAt), (after!.ETag, after.StartAt)); // not written once
        Assert.Equal(writesAfterRead + 1, writes); // the note alone
        Assert.Equal(writes, counts.StateWritesOf(order.GetGrainId()));
        Assert.Equal(upserts, counts.OrderUpsertsOf(number)); // the tick moved nothing: no index round trip
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_delivered_message_activated_again_writes_no_state_and_no_reminder_row_for_a_read_a_repeated_send_or_a_tick(bool onPostgres)
    {
        await using var database = onPostgres ? await TestDatabase.CreateMigratedAsync("outbox_arming") : null;
        var counts = new WriteCounts();
        await using var api = new CountingApiFactory(database?.ConnectionString, counts);
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var key = "arming-" + Guid.NewGuid().ToString("N");
        var message = new EmailMessage(key, $"{key}@example.com", "Mario Rossi", "Your order is confirmed", "Thank you for your order.");
        var outbox = grains.GetGrain<IOutboxEmailGrain>(key);
        await outbox.SendAsync(message);
        await Eventually.WaitForAsync(outbox.GetAsync, d => d!.Status == DeliveryStatus.Sent, TimeSpan.FromSeconds(30));
        var table = api.Services.GetRequiredService<IReminderTable>();
        // The status reads Sent once the state is written; the reminder goes right after, in the same turn (GetAsync interleaves).
        await Eventually.WaitForAsync(() => table.ReadRow(outbox.GetGrainId(), DueWork.ReminderName), row => row is null, TimeSpan.FromSeconds(30));
        var writes = counts.StateWritesOf(outbox.GetGrainId());

        await CollectAsync(grains, outbox); // a new activation...
        await outbox.GetAsync(); // ...reconciles
        await CollectAsync(grains, outbox);
        await outbox.SendAsync(message); // the same key again: answered from the record
        await CollectAsync(grains, outbox);
        var remindable = outbox.AsReference<IRemindable>();
        await remindable.ReceiveReminder(DueWork.ReminderName, Tick(api.Time.GetUtcNow())); // a late tick on a new activation
        await remindable.ReceiveReminder(DueWork.ReminderName, Tick(api.Time.GetUtcNow())); // and on this one

        Assert.Null(await table.ReadRow(outbox.GetGrainId(), DueWork.ReminderName)); // never registered again
        Assert.Equal(writes, counts.StateWritesOf(outbox.GetGrainId()));
        Assert.Equal(DeliveryStatus.Sent, (await outbox.GetAsync())!.Status);
    }

    /// <summary>Deactivates the grain (every activation idle for a moment goes, as the collector does after the collection age).</summary>
    private static async Task CollectAsync(IGrainFactory grains, IAddressable grain)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        Assert.Equal(0, await Eventually.WaitForAsync(
            async () =>
            {
                await management.ForceActivationCollection(TimeSpan.FromMilliseconds(1));
                return await management.GetGrainActivationCount((GrainReference)grain);
            },
            count => count == 0,
            TimeSpan.FromSeconds(10)));
    }

    /// <summary>The api with its co-hosted silo (real reminders on fake business time), in memory or on PostgreSQL, counting writes.</summary>
    private sealed class CountingApiFactory(string? connectionString, WriteCounts counts) : CrmApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ConnectionStrings:Crm"] = connectionString };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(counts.Install);
        }
    }
}
