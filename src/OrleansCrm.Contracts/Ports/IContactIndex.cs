using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// Every contact of every campaign with its dialing state: what a campaign's dialer rebuilds its queue
/// from when it activates. The contact grain upserts its entry after every stored change (an older
/// version never overwrites a newer one). An upsert returns once the entry is stored (implementations
/// may group concurrent upserts into one write).
/// An imported lead is stored here first, and only here (<see cref="AddNewAsync"/>): its contact grain reads it
/// from here (<see cref="FindAsync"/>) until its first change is stored in the grain's own state.
/// </summary>
public interface IContactIndex
{
    Task UpsertAsync(DialerContact contact, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the contacts (of one campaign) whose keys are not in the index yet, in one write, and returns the ids of those
    /// it stored; a contact whose key is there already is left as it is. All or nothing: a write that fails stores none.
    /// </summary>
    Task<IReadOnlyCollection<string>> AddNewAsync(IReadOnlyList<DialerContact> contacts, CancellationToken cancellationToken = default);

    /// <summary>One contact of a campaign as stored, or null.</summary>
    Task<DialerContact?> FindAsync(string campaignId, string contactId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every contact of the campaign, done ones included, in import order: by import sequence, then import time,
    /// then contact id (ordinal), so a dialer that rebuilds its queue hands fresh leads out as they were imported.
    /// </summary>
    Task<IReadOnlyList<DialerContact>> ListAsync(string campaignId, CancellationToken cancellationToken = default);
}
