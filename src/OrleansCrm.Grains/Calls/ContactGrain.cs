using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Grains.Calls;

/// <summary>
/// One contact's dialing state in one campaign: applies outcomes, persists once, indexes, tells the dialer.
/// Every way in (a new contact, a read, an outcome, an outcome applied before and asked again) makes sure what
/// derives from the state is there: the index row at the state's version and the dialer told of it.
/// An imported lead is stored by the dialer's import in the contact index only (one write per chunk of leads, no grain
/// per lead): until its first change is stored here, this grain reads it from the index.
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

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Contact is null)
        {
            var (campaignId, contactId) = ContactKeys.Split(this.GetPrimaryKeyString());
            if (await index.FindAsync(campaignId, contactId, cancellationToken) is { } imported)
            {
                // Indexed by the import, and in the dialer's queue since (its import put it there; a rebuild lists it).
                state.State.Contact = imported;
                indexedVersion = toldVersion = imported.Version;
            }
        }
    }

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
            campaign.Value.RetryPolicy, campaign.Value.AttemptCap);
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
