using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The web shop's orders, one store for both ways they arrive (the push route and the nightly pull). An upsert is
/// idempotent on the shop's own id (store + shop order id): sending an order again updates it.
/// </summary>
public interface IShopOrderStore
{
    /// <summary>Stores the orders; the ones refused (an increment id another shop order of the store holds) are answered by their index, the rest are stored.</summary>
    Task<IReadOnlyList<ShopOrderRefusal>> UpsertAsync(IReadOnlyList<ShopOrder> orders, CancellationToken cancellationToken = default);

    /// <summary>Every edition of the chains named (store + chain base).</summary>
    Task<IReadOnlyList<ShopOrder>> ChainsAsync(IReadOnlyCollection<ShopOrderKey> chains, CancellationToken cancellationToken = default);

    Task<ShopOrder?> FindAsync(ShopOrderKey order, CancellationToken cancellationToken = default);

    /// <summary>A rep's orders created in [<paramref name="from"/>, <paramref name="to"/>), oldest first (the rep compared without regard to case).</summary>
    Task<IReadOnlyList<ShopOrder>> ForRepAsync(string salesRep, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
