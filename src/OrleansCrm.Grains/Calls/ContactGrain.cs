using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Grains.Calls;

[GenerateSerializer, Alias("OrleansCrm.ContactState")]
public sealed class ContactState
{
    [Id(0)]
    public DialerContact? Contact { get; set; }

    [Id(1)]
    public int ConsecutiveNoContacts { get; set; }

    /// <summary>The calls whose outcomes were applied (the latest ones), so a repeated outcome changes nothing.</summary>
    [Id(2)]
    public List<string> AppliedCalls { get; set; } = [];
}

/// <summary>
/// One contact's dialing state in one campaign: applies outcomes, persists once, indexes, tells the dialer.
/// Every way in (a new contact, a read, an outcome, an outcome applied before and asked again) makes sure what
/// derives from the state is there: the index row at the state's version and the dialer told of it.
/// </summary>
public sealed class ContactGrain(
    [PersistentState(StorageNames.ContactState, StorageNames.Crm)] IPersistentState<ContactState> state,
    IContactIndex index)
    : Grain, IContactGrain
{
    private const int RememberedCalls = 20;

    /// <summary>The state version this activation stored in the contact index (null: not known to be there).</summary>
    private long? indexedVersion;

    /// <summary>The state version this activation told the dialer (null: not known to it).</summary>
    private long? toldVersion;

    /// <summary>Stores a new contact; its creator (the dialer's import, a direct call) puts it in the queue.</summary>
    public async Task<bool> CreateAsync(DialerContact contact)
    {
        if (state.State.Contact is not null)
        {
            await ReconcileAsync();
            return false;
        }

        state.State.Contact = contact;
        await WriteAsync();
        toldVersion = contact.Version;
        await ReconcileAsync();
        return true;
    }

    public async Task<DialerContact?> GetAsync()
    {
        await ReconcileAsync();
        return state.State.Contact;
    }

    public async Task<DialerContact> RecordOutcomeAsync(string callId, OutcomeDecision decision, string agentId, DateTimeOffset calledAt)
    {
        var contact = state.State.Contact ?? throw DomainException.NotFound("Contact", this.GetPrimaryKeyString());
        if (state.State.AppliedCalls.Contains(callId))
        {
            // Applied before: the attempt that applied it may have failed before indexing it or telling the dialer.
            await ReconcileAsync();
            return contact;
        }

        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(contact.CampaignId).GetAsync()
            ?? throw DomainException.NotFound("Campaign", contact.CampaignId);
        var (next, inARow) = DialingRules.After(
            contact, state.State.ConsecutiveNoContacts, decision, agentId, calledAt,
            campaign.Value.RetryPolicy ?? RetryPolicy.Default, campaign.Value.AttemptCap ?? Campaign.DefaultAttemptCap);
        state.State.Contact = next;
        state.State.ConsecutiveNoContacts = inARow;
        state.State.AppliedCalls.Add(callId);
        if (state.State.AppliedCalls.Count > RememberedCalls)
        {
            state.State.AppliedCalls.RemoveAt(0);
        }

        await WriteAsync();
        await ReconcileAsync();
        return next;
    }

    /// <summary>Ends calling the contact (the dialer found its order marked already paid); the dialer that asks updates its own queue.</summary>
    public async Task<DialerContact> EndAsync(string reason)
    {
        var contact = state.State.Contact ?? throw DomainException.NotFound("Contact", this.GetPrimaryKeyString());
        var ended = DialingRules.Ended(contact, reason);
        if (ended != contact)
        {
            state.State.Contact = ended;
            await WriteAsync();
            toldVersion = ended.Version;
        }

        await ReconcileAsync();
        return ended;
    }

    /// <summary>A write that fails leaves this activation ahead of storage: it is dropped, and the next call reads what was stored.</summary>
    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>The index row and the dialer at the state's version, each once per activation and change (both ignore an older version).</summary>
    private async Task ReconcileAsync()
    {
        if (state.State.Contact is not { } contact)
        {
            return;
        }

        if (indexedVersion != contact.Version)
        {
            await index.UpsertAsync(contact);
            indexedVersion = contact.Version;
        }

        if (toldVersion != contact.Version)
        {
            await GrainFactory.GetGrain<IDialerGrain>(contact.CampaignId).ContactChangedAsync(contact);
            toldVersion = contact.Version;
        }
    }
}

/// <summary>A close-online contract, stored once under its protocol number.</summary>
public sealed class ContractGrain(
    [PersistentState(StorageNames.ContractState, StorageNames.Crm)] IPersistentState<ContractHolder> state)
    : Grain, IContractGrain
{
    public async Task<Contract> CreateAsync(Contract contract)
    {
        if (state.State.Contract is { } existing)
        {
            return existing;
        }

        state.State.Contract = contract;
        await state.WriteStateAsync();
        return contract;
    }

    public Task<Contract?> GetAsync() => Task.FromResult(state.State.Contract);
}

[GenerateSerializer, Alias("OrleansCrm.ContractHolder")]
public sealed class ContractHolder
{
    [Id(0)]
    public Contract? Contract { get; set; }
}

/// <summary>The do-not-call list (numbers blocked on request or found invalid on a call), kept in memory, stored whole.</summary>
public sealed class DoNotCallGrain(
    [PersistentState(StorageNames.DoNotCallState, StorageNames.Crm)] IPersistentState<DoNotCallList> state,
    Scheduling.CrmClock clock)
    : Grain, IDoNotCallGrain
{
    public async Task<BlockedNumber> BlockAsync(string phone, BlockReason reason, string? note, string by)
    {
        if (state.State.Numbers.TryGetValue(phone, out var existing) && existing.Reason == reason)
        {
            return existing;
        }

        var entry = new BlockedNumber(phone, reason, note is null ? null : CardNumbers.Redact(note.Trim()), clock.GetUtcNow(), by);
        state.State.Numbers[phone] = entry;
        await state.WriteStateAsync();
        return entry;
    }

    public async Task<bool> UnblockAsync(string phone)
    {
        if (!state.State.Numbers.Remove(phone))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<bool> IsBlockedAsync(string phone) => Task.FromResult(state.State.Numbers.ContainsKey(phone));

    public Task<BlockedNumber?> GetAsync(string phone) => Task.FromResult(state.State.Numbers.GetValueOrDefault(phone));
}

[GenerateSerializer, Alias("OrleansCrm.DoNotCallList")]
public sealed class DoNotCallList
{
    [Id(0)]
    public Dictionary<string, BlockedNumber> Numbers { get; set; } = new(StringComparer.Ordinal);
}
