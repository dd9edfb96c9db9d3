namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The calls' links to shop orders. The call grain upserts its entry after every stored change of a call holding a
/// link; an entry with an older version than the one stored is ignored.
/// </summary>
public interface ILinkedOrderIndex
{
    Task UpsertAsync(LinkEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Every link not removed, in call id order (the nightly validation reads them all once per run).</summary>
    Task<IReadOnlyList<LinkEntry>> AllAsync(CancellationToken cancellationToken = default);

    /// <summary>Valid links on calls started in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<IReadOnlyList<LinkEntry>> ValidAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
