using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The leases a campaign's dialer handed out, kept where the rest of the data lives, so a dialer that reactivates
/// (a restart, a failover, idle collection) holds the same contacts for the same agents. At most one lease per contact;
/// each is stored with the contact's version when it was leased: a contact that changed since (an outcome) is no longer
/// held by it. A save or a removal returns once it is stored (implementations may group concurrent writes).
/// </summary>
public interface IDialerLeaseStore
{
    Task SaveAsync(string campaignId, DialerLease lease, long contactVersion, CancellationToken cancellationToken = default);

    /// <summary>Removes the contact's lease when it is still <paramref name="leaseId"/>.</summary>
    Task RemoveAsync(string campaignId, string contactId, string leaseId, CancellationToken cancellationToken = default);

    /// <summary>The campaign's stored leases with the contact version each was taken at, expired ones included.</summary>
    Task<IReadOnlyList<(DialerLease Lease, long ContactVersion)>> ListAsync(string campaignId, CancellationToken cancellationToken = default);
}
