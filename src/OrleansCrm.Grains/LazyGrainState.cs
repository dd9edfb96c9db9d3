using Orleans.Storage;

namespace OrleansCrm.Grains;

/// <summary>
/// Grain state read only when it is needed: a grain that knows it is new (a call started under a fresh random
/// id) skips the storage read every <c>[PersistentState]</c> does on activation. Same storage, same rows.
/// </summary>
public sealed class LazyGrainState<T>(IGrainStorage storage, string stateName, GrainId grainId)
    where T : class, new()
{
    private readonly GrainState<T> holder = new(new T());
    private bool loaded;

    public T State => holder.State!;

    public bool RecordExists => holder.RecordExists;

    /// <summary>The record is known not to exist yet: nothing to read.</summary>
    public void StartNew() => loaded = true;

    public async Task LoadAsync()
    {
        if (!loaded)
        {
            await storage.ReadStateAsync(stateName, grainId, holder);
            loaded = true;
        }
    }

    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grainId, holder);
}
