using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Shop;

/// <summary>The stores configured; the first is the one a link without a store code names.</summary>
public sealed class ShopStores
{
    /// <summary>Letters, digits and dashes, as Magento's default numbering (<c>000000123</c>) and prefixed ones (<c>WEB-778</c>) are.</summary>
    public const string DefaultIncrementIdPattern = "[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*";

    private readonly Dictionary<string, ShopStore> byCode;

    public ShopStores(IReadOnlyList<ShopStore> stores)
    {
        if (stores.Count == 0)
        {
            throw new ArgumentException("At least one shop store must be configured.", nameof(stores));
        }

        All = stores;
        byCode = stores.ToDictionary(s => s.Code, StringComparer.Ordinal);
    }

    public static ShopStores Default { get; } = new([new ShopStore("default", DefaultIncrementIdPattern, "https://shop.example/admin/sales/order/view/order_id/{shopOrderId}/")]);

    public IReadOnlyList<ShopStore> All { get; }

    public ShopStore DefaultStore => All[0];

    public ShopStore? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>
    /// A store code and an increment id as an agent or the shop gives them: the store configured (the default one
    /// when none is named) and the id in its shape; the problems are added under the fields named.
    /// </summary>
    public ShopOrderKey? Check(Validator v, string? storeCode, string? incrementId, string storeField, string idField)
    {
        var store = storeCode is null ? DefaultStore : Find(storeCode);
        if (store is null)
        {
            v.Add(storeField, $"'{Validator.Shorten(storeCode!)}' is not a configured store; configured: {string.Join(", ", All.Select(s => s.Code))}.");
        }

        if (string.IsNullOrWhiteSpace(incrementId))
        {
            v.Add(idField, "is required.");
            return null;
        }

        if (store is not null && !store.IsIncrementId(incrementId))
        {
            v.Add(idField, $"'{Validator.Shorten(incrementId)}' is not an order number of store '{store.Code}'.");
            return null;
        }

        return store is null ? null : new ShopOrderKey(store.Code, incrementId);
    }
}
