
namespace OrleansCrm.Contracts.Ports;

/// <summary>The orders' search index, upserted by the order grain after every change (newest version wins).</summary>
public interface IOrderDirectory
{
    Task UpsertAsync(OrderEntry entry, CancellationToken cancellationToken = default);

    Task<Page<OrderEntry>> SearchAsync(OrderQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Orders whose next scheduled work fell due before <paramref name="dueBefore"/> and is still pending by their row:
    /// work whose reminder is missing or never ran (a due item is done within a retry period or two). Earliest first.
    /// </summary>
    Task<Page<OrderEntry>> OverdueAsync(DateTimeOffset dueBefore, int skip, int take, CancellationToken cancellationToken = default);
}
