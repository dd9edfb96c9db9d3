namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The customers' search index. The customer grain upserts its entry after every change; an entry
/// with an older version than the one stored is ignored, so a late write never wins.
/// </summary>
public interface ICustomerDirectory
{
    Task UpsertAsync(CustomerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Customers whose name, email or phone contains <paramref name="query"/> (any case), newest first.</summary>
    Task<Page<CustomerEntry>> SearchAsync(string? query, int skip, int take, CancellationToken cancellationToken = default);
}
