using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Grains.Tests;

/// <summary>
/// Counts the writes a grain causes: its state writes (per grain) and its order-index upserts (per order), over the
/// profile's own stores (<see cref="Install"/>), so everything else runs as in production.
/// </summary>
public sealed class WriteCounts
{
    private readonly ConcurrentDictionary<GrainId, int> stateWrites = new();
    private readonly ConcurrentDictionary<string, int> orderUpserts = new();

    public int StateWritesOf(GrainId grain) => stateWrites.GetValueOrDefault(grain);

    public int OrderUpsertsOf(string number) => orderUpserts.GetValueOrDefault(number);

    private readonly ConcurrentDictionary<GrainId, int> failing = new();

    /// <summary>The <paramref name="nth"/> state write of <paramref name="grain"/> from now on fails (storage unavailable), once.</summary>
    public void FailWrite(GrainId grain, int nth) => failing[grain] = nth;

    private void Writing(GrainId grain)
    {
        stateWrites.AddOrUpdate(grain, 1, (_, n) => n + 1);
        if (failing.TryGetValue(grain, out var left) && failing.TryUpdate(grain, left - 1, left) && left == 1)
        {
            failing.TryRemove(grain, out _);
            throw new InvalidOperationException($"Injected: the state write of {grain} failed.");
        }
    }

    public void Install(IServiceCollection services)
    {
        var directory = services.Last(d => d.ServiceType == typeof(IOrderDirectory) && !d.IsKeyedService);
        services.Remove(directory);
        services.AddSingleton<IOrderDirectory>(sp => new CountingOrderDirectory((IOrderDirectory)(directory.ImplementationInstance
            ?? directory.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, directory.ImplementationType!)), this));
        var storage = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Crm));
        services.Remove(storage);
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Crm, (sp, key) => new CountingGrainStorage((IGrainStorage)(storage.KeyedImplementationInstance
            ?? storage.KeyedImplementationFactory?.Invoke(sp, key)
            ?? ActivatorUtilities.CreateInstance(sp, storage.KeyedImplementationType!)), this));
    }

    private sealed class CountingOrderDirectory(IOrderDirectory inner, WriteCounts counts) : IOrderDirectory
    {
        public Task UpsertAsync(OrderEntry entry, CancellationToken cancellationToken = default)
        {
            counts.orderUpserts.AddOrUpdate(entry.Number, 1, (_, n) => n + 1);
            return inner.UpsertAsync(entry, cancellationToken);
        }

        public Task<Page<OrderEntry>> SearchAsync(OrderQuery query, CancellationToken cancellationToken = default) => inner.SearchAsync(query, cancellationToken);

        public Task<Page<OrderEntry>> OverdueAsync(DateTimeOffset dueBefore, int skip, int take, CancellationToken cancellationToken = default) =>
            inner.OverdueAsync(dueBefore, skip, take, cancellationToken);
    }

    private sealed class CountingGrainStorage(IGrainStorage inner, WriteCounts counts) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            counts.Writing(grainId);
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
    }
}
