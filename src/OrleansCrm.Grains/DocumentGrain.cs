using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts;

namespace OrleansCrm.Grains;

/// <summary>A configuration document kept whole by one grain: checked by the api before it comes (a non-nullable command), versioned, read back as stored.</summary>
public abstract class DocumentGrain<T>(IPersistentState<DocumentState<T>> state, CrmClock clock) : Grain
    where T : class
{
    public Task<Stored<T>?> GetAsync() =>
        Task.FromResult(state.State.Value is null ? null : Snapshot(created: false));

    public async Task<Stored<T>> PutAsync(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var created = state.State.Value is null;
        state.State.Value = value;
        state.State.Version++;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        await OnChangedAsync();
        return Snapshot(created);
    }

    /// <summary>Runs after every stored change (a campaign tells its dialer).</summary>
    protected virtual Task OnChangedAsync() => Task.CompletedTask;

    private Stored<T> Snapshot(bool created) =>
        new(this.GetPrimaryKeyString(), state.State.Value!, state.State.Version, state.State.UpdatedAt, created);
}
