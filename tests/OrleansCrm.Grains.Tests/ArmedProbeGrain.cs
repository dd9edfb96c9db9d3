using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Tests;

/// <summary>A grain on the pattern with its "what is armed" record in its state; it counts its state writes.</summary>
[Alias("OrleansCrm.Tests.IArmedProbeGrain")]
public interface IArmedProbeGrain : IGrainWithStringKey
{
    /// <summary>A change: adds an item (or a note, with no due instant), persists, arms.</summary>
    [Alias("Add")]
    Task AddAsync(string item, DateTimeOffset? dueAt);

    [Alias("Writes")]
    Task<int> GetStateWritesAsync();

    [Alias("Done")]
    Task<IReadOnlyList<string>> GetDoneAsync();
}

[GenerateSerializer, Alias("OrleansCrm.Tests.ArmedProbeState")]
public sealed class ArmedProbeState
{
    [Id(0)]
    public Dictionary<string, DateTimeOffset> Pending { get; set; } = [];

    [Id(1)]
    public List<string> Notes { get; set; } = [];

    [Id(2)]
    public List<string> Done { get; set; } = [];

    [Id(3)]
    public ArmedDueWork Armed { get; set; } = new();
}

public sealed class ArmedProbeGrain(
    [PersistentState("armed-probe", StorageNames.Crm)] IPersistentState<ArmedProbeState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler)
    : Grain, IArmedProbeGrain, IRemindable
{
    private int writes;

    public async Task AddAsync(string item, DateTimeOffset? dueAt)
    {
        if (dueAt is { } at)
        {
            state.State.Pending[item] = at;
        }
        else
        {
            state.State.Notes.Add(item);
        }

        // Load → decide → persist → schedule: the record changes only when the due instant moved.
        scheduler.Plan(state.State.Armed, NextDue());
        await WriteAsync();
        await scheduler.ArmAsPlannedAsync(this, state.State.Armed);
    }

    public Task<int> GetStateWritesAsync() => Task.FromResult(writes);

    public Task<IReadOnlyList<string>> GetDoneAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.Done.ToList());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Armed.TickArrived();
        var now = clock.GetUtcNow();
        var due = state.State.Pending.Where(p => p.Value <= now).Select(p => p.Key).ToList();
        foreach (var item in due)
        {
            state.State.Done.Add(item);
            state.State.Pending.Remove(item);
        }

        var moved = scheduler.Plan(state.State.Armed, NextDue());
        if (due.Count > 0 || moved)
        {
            await WriteAsync();
        }

        await scheduler.ArmAsPlannedAsync(this, state.State.Armed);
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        writes++;
    }

    private DateTimeOffset? NextDue() => state.State.Pending.Count == 0 ? null : state.State.Pending.Values.Min();
}
