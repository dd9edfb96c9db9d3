using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// What placing an order takes. The card arrives only as a payment-provider token
/// (<paramref name="CardToken"/>); a card number or CVV is never accepted.
/// </summary>
public sealed partial record PlaceOrder(
    string? CustomerId,
    string? OfferId,
    string? Currency,
    bool Trial,
    IReadOnlyList<OrderLine>? Items,
    string? CardToken,
    string? PaymentProvider,
    string? DeliveryMethodId,
    string? Ip,
    Analytics? Analytics,
    Affiliate? Affiliate,
    string? Tag)
{
    public const string MainSku = "main";

    /// <summary>Checks the request's own shape (what needs no offer or customer to know).</summary>
    public PlaceOrder Validated()
    {
        var v = new Validator();
        v.Id("customerId", CustomerId);
        v.Id("offerId", OfferId);
        v.Currency("currency", Currency);
        var items = Items is null || Items.Count == 0 ? [new OrderLine(MainSku, 1)] : Items;
        if (items.Count > 20)
        {
            v.Add("items", "may hold at most 20 lines.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (v.Required($"items[{i}]", items[i]))
            {
                v.Id($"items[{i}].sku", items[i].Sku);
                v.Range($"items[{i}].quantity", items[i].Quantity ?? 1, 1, 100);
            }
        }

        v.Unique("items", items, l => l?.Sku);
        CardTokens.Check(v, "cardToken", CardToken, required: Trial);
        if (PaymentProvider is not null && !PaymentProviders.IsKnown(PaymentProvider))
        {
            v.Add("paymentProvider", $"'{Validator.Shorten(PaymentProvider)}' is not a payment provider this CRM knows.");
        }

        v.Id("deliveryMethodId", DeliveryMethodId, required: false);
        if (Ip is not null && !IsCanonicalIp(Ip))
        {
            v.Add("ip", "must be an IPv4 address in dotted decimal (203.0.113.7) or an IPv6 address.");
        }

        v.Text("analytics.source", Analytics?.Source, 100);
        v.Text("analytics.channel", Analytics?.Channel, 100);
        v.Id("affiliate.id", Affiliate?.Id, required: false);
        if (Affiliate?.Commission is < 0m or > Common.Currency.MaxAmount)
        {
            v.Add("affiliate.commission", "must be zero or more.");
        }

        v.Text("tag", Tag, 50);
        v.ThrowIfInvalid();
        return this with
        {
            Items = items.Select(l => l with { Quantity = l.Quantity ?? 1 }).ToList(),
            PaymentProvider = PaymentProvider ?? PaymentProviders.Sandbox,
            Analytics = Analytics is null ? null : new Analytics(RedactOrNull(Analytics.Source), RedactOrNull(Analytics.Channel)),
            Tag = RedactOrNull(Tag),
        };
    }
}

public sealed partial record PlaceOrder
{
    /// <summary>Free text keeps no card number, wherever an agent typed it.</summary>
    private static string? RedactOrNull(string? text) => text is null ? null : CardNumbers.Redact(text);

    /// <summary>Only the usual spellings: IPAddress.TryParse also takes "42", "127.1" or octal "010.1.1.1".</summary>
    private static bool IsCanonicalIp(string ip) =>
        ip.Length <= 45 && System.Net.IPAddress.TryParse(ip, out var parsed)
        && (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? ip.Contains(':', StringComparison.Ordinal) : parsed.ToString() == ip);
}
