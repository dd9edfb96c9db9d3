using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Infrastructure.Shop;

/// <summary>The store's one refusal, worded once for both profiles.</summary>
internal static class ShopOrderRefusals
{
    public static ShopOrderRefusal HeldByAnother(int index, ShopOrder order, string holder) =>
        new(index, "incrementId", $"'{order.IncrementId}' of store '{order.StoreCode}' is already shop order '{holder}'; an increment id is unique per store.");
}
