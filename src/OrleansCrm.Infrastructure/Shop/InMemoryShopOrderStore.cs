using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Infrastructure.Shop;

/// <summary>The embedded profile's shop orders: the same contract as PostgreSQL, kept in this process.</summary>
public sealed class InMemoryShopOrderStore : IShopOrderStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Store, string ShopId), ShopOrder> byShopId = [];
    private readonly Dictionary<ShopOrderKey, ShopOrder> byIncrementId = [];
    private readonly Dictionary<ShopOrderKey, List<ShopOrder>> byChain = [];

    public Task<IReadOnlyList<ShopOrderRefusal>> UpsertAsync(IReadOnlyList<ShopOrder> orders, CancellationToken cancellationToken = default)
    {
        var refused = new List<ShopOrderRefusal>();
        lock (gate)
        {
            for (var i = 0; i < orders.Count; i++)
            {
                var order = orders[i];
                var key = new ShopOrderKey(order.StoreCode, order.IncrementId);
                if (byIncrementId.TryGetValue(key, out var holder) && holder.ShopOrderId != order.ShopOrderId)
                {
                    refused.Add(ShopOrderRefusals.HeldByAnother(i, order, holder.ShopOrderId));
                    continue;
                }

                if (byShopId.TryGetValue((order.StoreCode, order.ShopOrderId), out var previous))
                {
                    byIncrementId.Remove(new ShopOrderKey(previous.StoreCode, previous.IncrementId));
                    byChain[previous.ChainKey].Remove(previous);
                }

                byShopId[(order.StoreCode, order.ShopOrderId)] = order;
                byIncrementId[key] = order;
                if (!byChain.TryGetValue(order.ChainKey, out var chain))
                {
                    byChain[order.ChainKey] = chain = [];
                }

                chain.Add(order);
            }
        }

        return Task.FromResult<IReadOnlyList<ShopOrderRefusal>>(refused);
    }

    public Task<IReadOnlyList<ShopOrder>> ChainsAsync(IReadOnlyCollection<ShopOrderKey> chains, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<ShopOrder> found = [.. chains.Distinct().SelectMany(c => byChain.TryGetValue(c, out var editions) ? editions : [])];
            return Task.FromResult(found);
        }
    }

    public Task<ShopOrder?> FindAsync(ShopOrderKey order, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(byIncrementId.GetValueOrDefault(order));
        }
    }

    public Task<IReadOnlyList<ShopOrder>> ForRepAsync(string salesRep, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<ShopOrder> found = [.. byShopId.Values
                .Where(o => string.Equals(o.SalesRep, salesRep, StringComparison.OrdinalIgnoreCase) && o.CreatedAt >= from && o.CreatedAt < to)
                .OrderBy(o => o.CreatedAt).ThenBy(o => o.IncrementId, StringComparer.Ordinal)];
            return Task.FromResult(found);
        }
    }
}
