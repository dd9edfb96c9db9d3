using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// What placing an order takes: a customer, an offer, a currency and at least one line, never missing. Built by
/// <see cref="Checked"/> from what a client sent (the api's body); the provider is filled in there too, except on an
/// invoice's placement, which leaves it to the order's own check. The card arrives only as a payment-provider token
/// (<paramref name="CardToken"/>); a card number or CVV is never accepted.
/// </summary>
public sealed partial record PlaceOrder(
    string CustomerId,
    string OfferId,
    string Currency,
    bool Trial,
    IReadOnlyList<OrderLine> Items,
    string? CardToken,
    string? PaymentProvider,
    string? DeliveryMethodId,
    string? Ip,
    Analytics? Analytics,
    Affiliate? Affiliate,
    string? Tag,
    string? CampaignId = null)
{
    public const string MainSku = "main";

    /// <summary>
    /// Checks a placement's own shape (what needs no offer or customer to know) and fills in its defaults: the main item
    /// when no line is given, quantity 1, the sandbox provider; free text keeps no card number. Throws the validation
    /// problem (every field at once) otherwise.
    /// </summary>
    public static PlaceOrder Checked(
        string? customerId,
        string? offerId,
        string? currency,
        bool trial,
        IReadOnlyList<OrderLine>? items,
        string? cardToken,
        string? paymentProvider,
        string? deliveryMethodId,
        string? ip,
        Analytics? analytics,
        Affiliate? affiliate,
        string? tag,
        string? campaignId = null)
    {
        var v = new Validator();
        v.Id("customerId", customerId);
        v.Id("offerId", offerId);
        v.Currency("currency", currency);
        var lines = items is null || items.Count == 0 ? [new OrderLine(MainSku, 1)] : items;
        if (lines.Count > 20)
        {
            v.Add("items", "may hold at most 20 lines.");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (v.Required($"items[{i}]", lines[i]))
            {
                v.Id($"items[{i}].sku", lines[i].Sku);
                v.Range($"items[{i}].quantity", lines[i].Quantity ?? 1, 1, 100);
            }
        }

        v.Unique("items", lines, l => l?.Sku);
        CardTokens.Check(v, "cardToken", cardToken, required: trial);
        if (paymentProvider is not null && !PaymentProviders.IsKnown(paymentProvider))
        {
            v.Add("paymentProvider", $"'{Validator.Shorten(paymentProvider)}' is not a payment provider this CRM knows.");
        }

        v.Id("deliveryMethodId", deliveryMethodId, required: false);
        if (ip is not null && !IsCanonicalIp(ip))
        {
            v.Add("ip", "must be an IPv4 address in dotted decimal (203.0.113.7) or an IPv6 address.");
        }

        v.Text("analytics.source", analytics?.Source, 100);
        v.Text("analytics.channel", analytics?.Channel, 100);
        v.Id("affiliate.id", affiliate?.Id, required: false);
        if (affiliate?.Commission is < 0m or > Common.Currency.MaxAmount)
        {
            v.Add("affiliate.commission", "must be zero or more.");
        }

        v.Text("tag", tag, 50);
        v.Id("campaignId", campaignId, required: false);
        v.ThrowIfInvalid();
        return new PlaceOrder(
            Present(customerId),
            Present(offerId),
            Present(currency),
            trial,
            lines.Select(l => l with { Quantity = l.Quantity ?? 1 }).ToList(),
            cardToken,
            paymentProvider ?? PaymentProviders.Sandbox,
            deliveryMethodId,
            ip,
            analytics is null ? null : new Analytics(RedactOrNull(analytics.Source), RedactOrNull(analytics.Channel)),
            affiliate,
            RedactOrNull(tag),
            campaignId);
    }

    /// <summary>The same checks again, for a placement that reaches the order from elsewhere than the api; it comes back unchanged when it was checked.</summary>
    public PlaceOrder Validated() =>
        Checked(CustomerId, OfferId, Currency, Trial, Items, CardToken, PaymentProvider, DeliveryMethodId, Ip, Analytics, Affiliate, Tag, CampaignId);
}

public sealed partial record PlaceOrder
{
    /// <summary>Free text keeps no card number, wherever an agent typed it.</summary>
    private static string? RedactOrNull(string? text) => text is null ? null : CardNumbers.Redact(text);

    /// <summary>A field the checks above refused when missing: reaching here without it is a bug, not bad input.</summary>
    private static string Present(string? checkedValue) =>
        checkedValue ?? throw new InvalidOperationException("A placement field passed its check but is missing.");

    /// <summary>Only the usual spellings: IPAddress.TryParse also takes "42", "127.1" or octal "010.1.1.1".</summary>
    private static bool IsCanonicalIp(string ip) =>
        ip.Length <= 45 && System.Net.IPAddress.TryParse(ip, out var parsed)
        && (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? ip.Contains(':', StringComparison.Ordinal) : parsed.ToString() == ip);
}
