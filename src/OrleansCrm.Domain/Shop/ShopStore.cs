using System.Text.RegularExpressions;

namespace OrleansCrm.Domain.Shop;

/// <summary>
/// A store of the web shop the CRM knows: its code, the shape of its increment ids (a regular expression; an edition
/// suffix <c>-1</c>, <c>-2</c>, … is allowed on top), and the URL template that opens an order in the shop
/// (<c>{storeCode}</c>, <c>{incrementId}</c>, <c>{shopOrderId}</c>).
/// </summary>
public sealed class ShopStore
{
    public ShopStore(string code, string incrementIdPattern, string orderUrlTemplate)
    {
        Code = code;
        IncrementIdPattern = incrementIdPattern;
        OrderUrlTemplate = orderUrlTemplate;
        // Linear in the input whatever the configured pattern (no backtracking), so no match timeout: a wall-clock timeout
        // fired on ordinary ids when the machine was saturated (measured: 503s from the shop push at load average 130).
        shape = new Regex(@"\A(?:" + incrementIdPattern + @")(?:-[1-9][0-9]{0,3})?\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    private readonly Regex shape;

    public string Code { get; }

    public string IncrementIdPattern { get; }

    public string OrderUrlTemplate { get; }

    public bool IsIncrementId(string incrementId) => incrementId.Length <= 64 && shape.IsMatch(incrementId);

    /// <summary>The "view order in the shop" address of an order of this store.</summary>
    public string ViewUrl(ShopOrder order) => OrderUrlTemplate
        .Replace("{storeCode}", Uri.EscapeDataString(order.StoreCode), StringComparison.Ordinal)
        .Replace("{incrementId}", Uri.EscapeDataString(order.IncrementId), StringComparison.Ordinal)
        .Replace("{shopOrderId}", Uri.EscapeDataString(order.ShopOrderId), StringComparison.Ordinal);
}
