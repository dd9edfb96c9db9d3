using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Customers;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Grains.Customers;

/// <summary>
/// A customer. Its directory row derives from its state: every way in first makes sure the row is there at the
/// state's version (<see cref="ReconcilingGrain"/>), so a state written whose row failed gets it on the next entry.
/// </summary>
public sealed class CustomerGrain(
    [PersistentState(StorageNames.CustomerState, StorageNames.Crm)] IPersistentState<CustomerState> state,
    CrmClock clock,
    ICustomerDirectory directory)
    : ReconcilingGrain, ICustomerGrain
{
    public const int MaxNotes = 1000;

    private string Id => this.GetPrimaryKeyString();

    public async Task<Customer> CreateAsync(CustomerProfile profile)
    {
        if (state.State.Profile is { } stored)
        {
            // The same creation asked again (a client's retry under its Idempotency-Key) gets the customer it made.
            return stored == profile ? Snapshot() : throw DomainException.Conflict("Customer exists", $"Customer '{Id}' already exists with another profile.");
        }

        state.State.Profile = profile;
        state.State.CreatedAt = clock.GetUtcNow();
        await SaveAsync();
        return Snapshot();
    }

    public Task<Customer?> GetAsync() =>
        Task.FromResult(state.State.Profile is null ? null : Snapshot());

    public async Task<CustomerNote> AddNoteAsync(string? text, string author)
    {
        EnsureExists();
        var note = new CustomerNote(NewNoteId(), CustomerNote.ValidText(text), author, clock.GetUtcNow());
        if (state.State.Notes.Count >= MaxNotes)
        {
            throw DomainException.Conflict("Too many notes", $"A customer keeps at most {MaxNotes} notes; delete some first.");
        }

        state.State.Notes.Add(note);
        await SaveAsync();
        return note;
    }

    public async Task DeleteNoteAsync(string noteId)
    {
        EnsureExists();
        if (state.State.Notes.RemoveAll(n => n.Id == noteId) == 0)
        {
            throw DomainException.NotFound("Note", noteId);
        }

        await SaveAsync();
    }

    public async Task<Customer> SetAutoPaymentsAsync(bool enabled, string changedBy)
    {
        EnsureExists();
        if (state.State.AutoPaymentsEnabled != enabled)
        {
            state.State.AutoPaymentsEnabled = enabled;
            await SaveAsync();
        }

        // Every order of the customer holds or releases its scheduled charges (telling one twice is harmless).
        foreach (var number in state.State.OrderNumbers)
        {
            await GrainFactory.GetGrain<IOrderGrain>(number).AutoPaymentsChangedAsync(enabled, changedBy);
        }

        return Snapshot();
    }

    public async Task AddOrderAsync(string orderNumber)
    {
        EnsureExists();
        if (!state.State.OrderNumbers.Contains(orderNumber))
        {
            state.State.OrderNumbers.Add(orderNumber);
            await SaveAsync();
        }
    }

    private async Task SaveAsync()
    {
        state.State.Version++;
        await state.WriteStateAsync();
        await IndexAsync();
    }

    /// <summary>Nothing derives from a customer never created; a created one has its directory row (version-guarded).</summary>
    protected override Task ReconcileAsync() => state.State.Profile is null ? Task.CompletedTask : IndexAsync();

    private Task IndexAsync()
    {
        var profile = state.State.Profile!;
        return directory.UpsertAsync(new CustomerEntry(Id, profile.Name, profile.Email, profile.Phone, state.State.CreatedAt, state.State.Version));
    }

    private void EnsureExists()
    {
        if (state.State.Profile is null)
        {
            throw DomainException.NotFound("Customer", Id);
        }
    }

    private Customer Snapshot() => new(
        Id,
        state.State.Profile!,
        state.State.Notes.ToList(),
        state.State.AutoPaymentsEnabled,
        state.State.OrderNumbers.ToList(),
        state.State.CallIds.ToList(),
        state.State.CreatedAt,
        state.State.Version);

    private static string NewNoteId() => LetterIds.New("note");
}
