using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Grains;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Testing;

/// <summary>A grain that only schedules work through the one pattern, so tests can watch the pattern itself.</summary>
[Alias("OrleansCrm.Tests.IProbeWorkGrain")]
public interface IProbeWorkGrain : IGrainWithStringKey
{
    [Alias("Schedule")]
    Task ScheduleAsync(string item, DateTimeOffset dueAt);

    /// <summary>Stores an item with its reminder planned but does not arm for it, as when the registration failed after the write.</summary>
    [Alias("ScheduleUnarmed")]
    Task ScheduleWithoutArmingAsync(string item, DateTimeOffset dueAt);

    /// <summary>
    /// What a new activation's reconciling entry does: reads the stored state (its record of what is armed unchecked)
    /// and arms as planned for the earliest item (a read; a write only when the reminder is missing or late).
    /// </summary>
    [Alias("EnsureArmed")]
    Task ReconcileAsStoredAsync();

    /// <summary>Loses the reminder (a row gone), keeping the items.</summary>
    [Alias("DropReminder")]
    Task DropReminderAsync();

    [Alias("Runs")]
    Task<IReadOnlyList<ProbeRun>> GetRunsAsync();

    [Alias("HasReminder")]
    Task<bool> HasReminderAsync();

    /// <summary>Which silo the grain is active on now.</summary>
    [Alias("Silo")]
    Task<string> GetSiloAsync();
}

[GenerateSerializer, Immutable]
public sealed record ProbeRun([property: Id(0)] string Item, [property: Id(1)] DateTimeOffset DueAt, [property: Id(2)] DateTimeOffset RanAt);

[GenerateSerializer]
public sealed class ProbeWorkState
{
    [Id(0)]
    public Dictionary<string, DateTimeOffset> Pending { get; set; } = [];

    [Id(1)]
    public List<ProbeRun> Runs { get; set; } = [];

    [Id(2)]
    public ArmedDueWork Armed { get; set; } = new();
}

public sealed class ProbeWorkGrain(
    [PersistentState("probe-work", StorageNames.Crm)] IPersistentState<ProbeWorkState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler)
    : Grain, IProbeWorkGrain, IRemindable
{
    public async Task ScheduleAsync(string item, DateTimeOffset dueAt)
    {
        await ScheduleWithoutArmingAsync(item, dueAt);
        await scheduler.ArmAsPlannedAsync(this, state.State.Armed);
    }

    public async Task ScheduleWithoutArmingAsync(string item, DateTimeOffset dueAt)
    {
        state.State.Pending[item] = dueAt;
        scheduler.Plan(state.State.Armed, NextDue());
        await state.WriteStateAsync();
    }

    public async Task ReconcileAsStoredAsync()
    {
        await state.ReadStateAsync();
        scheduler.Plan(state.State.Armed, NextDue());
        await scheduler.ArmAsPlannedAsync(this, state.State.Armed);
    }

    public async Task DropReminderAsync()
    {
        if (await this.GetReminder(DueWork.ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<IReadOnlyList<ProbeRun>> GetRunsAsync() => Task.FromResult<IReadOnlyList<ProbeRun>>(state.State.Runs.ToList());

    public async Task<bool> HasReminderAsync() => await this.GetReminder(DueWork.ReminderName) is not null;

    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Armed.TickArrived();
        var now = clock.GetUtcNow();
        foreach (var (item, dueAt) in state.State.Pending.Where(p => p.Value <= now).OrderBy(p => p.Value).ToList())
        {
            state.State.Runs.Add(new ProbeRun(item, dueAt, now));
            state.State.Pending.Remove(item);
        }

        scheduler.Plan(state.State.Armed, NextDue());
        await state.WriteStateAsync();
        await scheduler.ArmAsPlannedAsync(this, state.State.Armed);
    }

    private DateTimeOffset? NextDue() => state.State.Pending.Count == 0 ? null : state.State.Pending.Values.Min();
}
