using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Grains;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Testing;

/// <summary>
/// Storage failures a test arms at one step: the next grain-state write, contact-index upsert or call-index upsert
/// whose subject matches fails once, before it reaches storage — as an outage at that instant would. Installed over
/// the profile's own stores (<see cref="Install"/>), so everything else runs as in production.
/// </summary>
public sealed class StorageFaults
{
    public const string ContactIndex = "contact-index";
    public const string CallIndex = "call-index";

    private readonly Lock gate = new();
    private readonly List<(string Step, Func<object, bool> When)> armed = [];

    /// <summary>The step of a grain-state write of the given state name (<see cref="StorageNames"/>).</summary>
    public static string StateWrite(string stateName) => "write:" + stateName;

    /// <summary>The next <paramref name="step"/> whose subject (the state being written, the index entry) matches fails once.</summary>
    public void FailOnce(string step, Func<object, bool> when)
    {
        lock (gate)
        {
            armed.Add((step, when));
        }
    }

    /// <summary>How many armed failures have not happened yet.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return armed.Count;
            }
        }
    }

    public void Install(IServiceCollection services)
    {
        Decorate<IContactIndex>(services, inner => new FaultyContactIndex(inner, this));
        Decorate<ICallDirectory>(services, inner => new FaultyCallDirectory(inner, this));
        var storage = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Crm));
        services.Remove(storage);
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Crm, (sp, key) => new FaultyGrainStorage((IGrainStorage)CreateKeyed(sp, storage, key), this));
    }

    internal Task ThrowIfArmedAsync(string step, object subject)
    {
        lock (gate)
        {
            var index = armed.FindIndex(f => f.Step == step && f.When(subject));
            if (index < 0)
            {
                return Task.CompletedTask;
            }

            armed.RemoveAt(index);
        }

        return Task.FromException(new InvalidOperationException($"Storage failed (a test fault at {step})."));
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T) && !d.IsKeyedService);
        services.Remove(original);
        services.AddSingleton(sp => wrap((T)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
    }

    private static object CreateKeyed(IServiceProvider sp, ServiceDescriptor original, object? key) =>
        original.KeyedImplementationInstance
        ?? original.KeyedImplementationFactory?.Invoke(sp, key)
        ?? ActivatorUtilities.CreateInstance(sp, original.KeyedImplementationType!);

    private sealed class FaultyContactIndex(IContactIndex inner, StorageFaults faults) : IContactIndex
    {
        public async Task UpsertAsync(DialerContact contact, CancellationToken cancellationToken = default)
        {
            await faults.ThrowIfArmedAsync(ContactIndex, contact);
            await inner.UpsertAsync(contact, cancellationToken);
        }

        public async Task<IReadOnlyCollection<string>> AddNewAsync(IReadOnlyList<DialerContact> contacts, CancellationToken cancellationToken = default)
        {
            foreach (var contact in contacts)
            {
                await faults.ThrowIfArmedAsync(ContactIndex, contact);
            }

            return await inner.AddNewAsync(contacts, cancellationToken);
        }

        public Task<DialerContact?> FindAsync(string campaignId, string contactId, CancellationToken cancellationToken = default) =>
            inner.FindAsync(campaignId, contactId, cancellationToken);

        public Task<IReadOnlyList<DialerContact>> ListAsync(string campaignId, CancellationToken cancellationToken = default) =>
            inner.ListAsync(campaignId, cancellationToken);
    }

    private sealed class FaultyCallDirectory(ICallDirectory inner, StorageFaults faults) : ICallDirectory
    {
        public async Task UpsertAsync(CallEntry entry, CancellationToken cancellationToken = default)
        {
            await faults.ThrowIfArmedAsync(CallIndex, entry);
            await inner.UpsertAsync(entry, cancellationToken);
        }

        public Task<IReadOnlyList<CallEntry>> ForCustomerAsync(string customerId, int take, CancellationToken cancellationToken = default) =>
            inner.ForCustomerAsync(customerId, take, cancellationToken);

        public Task<IReadOnlyList<CallEntry>> ForOrderAsync(string orderNumber, int take, CancellationToken cancellationToken = default) =>
            inner.ForOrderAsync(orderNumber, take, cancellationToken);

        public Task<IReadOnlyList<OutcomeCount>> OutcomeCountsAsync(DateTimeOffset from, DateTimeOffset to, string? campaignId, string? agentId, CancellationToken cancellationToken = default) =>
            inner.OutcomeCountsAsync(from, to, campaignId, agentId, cancellationToken);

        public Task<IReadOnlyList<CallTally>> TalliesAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> campaignIds, CancellationToken cancellationToken = default) =>
            inner.TalliesAsync(from, to, campaignIds, cancellationToken);
    }

    /// <summary>The grain storage, with writes that can fail; it takes part in the silo's lifecycle as the storage it wraps does.</summary>
    private sealed class FaultyGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await faults.ThrowIfArmedAsync(StateWrite(stateName), grainState.State!);
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
    }
}
