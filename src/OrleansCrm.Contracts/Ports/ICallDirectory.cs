namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The calls' index: the customer's and the order's call lists and the supervisor's outcome report.
/// The call grain upserts its entry after every stored change; an entry with an older version than
/// the one stored is ignored. An upsert returns once the entry is stored (implementations may group
/// concurrent upserts into one write).
/// </summary>
public interface ICallDirectory
{
    Task UpsertAsync(CallEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Calls about the customer (its orders and tasks included), newest first; discarded calls are left out.</summary>
    Task<IReadOnlyList<CallEntry>> ForCustomerAsync(string customerId, int take, CancellationToken cancellationToken = default);

    /// <summary>Calls linked to the order, newest first; discarded calls are left out.</summary>
    Task<IReadOnlyList<CallEntry>> ForOrderAsync(string orderNumber, int take, CancellationToken cancellationToken = default);

    /// <summary>Confirmed calls that ended in [<paramref name="from"/>, <paramref name="to"/>), counted per agent and outcome code, ordered by agent then code.</summary>
    Task<IReadOnlyList<OutcomeCount>> OutcomeCountsAsync(DateTimeOffset from, DateTimeOffset to, string? campaignId, string? agentId, CancellationToken cancellationToken = default);

    /// <summary>Confirmed calls of the given campaigns that ended in [<paramref name="from"/>, <paramref name="to"/>), per campaign, agent and outcome code (the wallboard's figures).</summary>
    Task<IReadOnlyList<CallTally>> TalliesAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> campaignIds, CancellationToken cancellationToken = default);
}
