using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts;

/// <summary>
/// The do-not-call list: one grain for the cluster (key <see cref="ListKey"/>), the numbers in its memory, so the
/// check at every hand-out costs no storage read. The list is stored whole on each change (changes are rare: a
/// customer asks, an agent finds a wrong number).
/// </summary>
[Alias("OrleansCrm.IDoNotCallGrain")]
public interface IDoNotCallGrain : IGrainWithStringKey
{
    public const string ListKey = "all";

    [Alias("Block")]
    Task<BlockedNumber> BlockAsync(string phone, BlockReason reason, string? note, string by);

    /// <summary>Blocks the number with a note the product wrote (why a call found it invalid), rendered at the edge.</summary>
    [Alias("BlockWithWording")]
    Task<BlockedNumber> BlockWithWordingAsync(string phone, BlockReason reason, [Immutable] Wording note, string by);

    /// <summary>Lifts the block; false when the number was not blocked.</summary>
    [Alias("Unblock")]
    Task<bool> UnblockAsync(string phone);

    [Alias("IsBlocked"), Orleans.Concurrency.AlwaysInterleave]
    Task<bool> IsBlockedAsync(string phone);

    [Alias("Get"), Orleans.Concurrency.AlwaysInterleave]
    Task<BlockedNumber?> GetAsync(string phone);
}
