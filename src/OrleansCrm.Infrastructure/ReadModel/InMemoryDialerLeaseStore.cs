using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>The embedded profile's dialer leases: the same contract as PostgreSQL, kept in this process (they outlive a dialer's activation, not the process).</summary>
public sealed class InMemoryDialerLeaseStore : IDialerLeaseStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, (DialerLease Lease, long ContactVersion)>> campaigns = new(StringComparer.Ordinal);

    public Task SaveAsync(string campaignId, DialerLease lease, long contactVersion, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!campaigns.TryGetValue(campaignId, out var leases))
            {
                leases = new Dictionary<string, (DialerLease, long)>(StringComparer.Ordinal);
                campaigns.Add(campaignId, leases);
            }

            leases[lease.ContactId] = (lease, contactVersion);
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string campaignId, string contactId, string leaseId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (campaigns.TryGetValue(campaignId, out var leases) && leases.TryGetValue(contactId, out var held) && held.Lease.LeaseId == leaseId)
            {
                leases.Remove(contactId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(DialerLease Lease, long ContactVersion)>> ListAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<(DialerLease, long)> listed = campaigns.TryGetValue(campaignId, out var leases) ? [.. leases.Values] : [];
            return Task.FromResult(listed);
        }
    }
}
