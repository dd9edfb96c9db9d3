using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// Every contact of every campaign with its dialing state: what a campaign's dialer rebuilds its queue
/// from when it activates. The contact grain upserts its entry after every stored change (an older
/// version never overwrites a newer one). An upsert returns once the entry is stored (implementations
/// may group concurrent upserts into one write).
/// </summary>
public interface IContactIndex
{
    Task UpsertAsync(DialerContact contact, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every contact of the campaign, done ones included, in import order: by import sequence, then import time,
    /// then contact id (ordinal), so a dialer that rebuilds its queue hands fresh leads out as they were imported.
    /// </summary>
    Task<IReadOnlyList<DialerContact>> ListAsync(string campaignId, CancellationToken cancellationToken = default);
}
