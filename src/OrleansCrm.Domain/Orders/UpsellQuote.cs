using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Domain.Orders;

/// <summary>What an upsell costs: unit price × quantity + the shipping method, in the main order's currency.</summary>
public sealed record UpsellPrice(
    string Currency,
    string UpsellId,
    string Name,
    int Quantity,
    decimal UnitPrice,
    decimal ItemsTotal,
    string ShippingMethodId,
    string ShippingMethodName,
    decimal ShippingPrice,
    decimal Total);

/// <summary>
/// An upsell checkout on an outbound call: the campaign whose payment providers may be used, the
/// choice, and the card (a provider token; none means the main order's card on file).
/// </summary>
public sealed record UpsellCheckout(
    string? MainOrderNumber,
    string? CampaignId,
    string? UpsellId,
    int? Quantity,
    string? ShippingMethodId,
    string? CardToken,
    string? PaymentProvider)
{
    public UpsellChoice Choice => new(UpsellId, Quantity, ShippingMethodId);

    /// <summary>Upsells are paid by card through the campaign's payment providers (PRODUCT.md): the one asked for, or the campaign's first.</summary>
    public string ProviderAmong(IReadOnlyList<string>? campaignProviders)
    {
        var providers = campaignProviders ?? [];
        if (providers.Count == 0)
        {
            throw DomainException.Conflict("No payment provider", $"Campaign '{CampaignId}' has no payment provider configured; upsells are paid by card through the campaign's providers. Nothing was charged.");
        }

        var provider = PaymentProvider ?? providers[0];
        return providers.Contains(provider)
            ? provider
            : throw DomainException.Invalid(new Dictionary<string, string[]> { ["paymentProvider"] = [$"'{provider}' is not a payment provider of campaign '{CampaignId}' ({string.Join(", ", providers)})."] });
    }

    /// <summary>The card an upsell is paid with: the provider token given, or the main order's card on file.</summary>
    public string CardTokenFor(Order main) =>
        CardToken ?? main.CardToken
        ?? throw DomainException.Invalid(new Dictionary<string, string[]> { ["cardToken"] = [$"Order {main.Number} has no card on file; give a provider token."] });

    public UpsellCheckout Validated()
    {
        var v = new Validator();
        v.Id("mainOrderNumber", MainOrderNumber);
        v.Id("campaignId", CampaignId);
        CardTokens.Check(v, "cardToken", CardToken, required: false);
        v.Id("paymentProvider", PaymentProvider, required: false);
        v.ThrowIfInvalid();
        return this;
    }
}

/// <summary>The agent's choice on the upsell screen.</summary>
public sealed record UpsellChoice(string? UpsellId, int? Quantity, string? ShippingMethodId);

/// <summary>
/// Prices an upsell of the offer the customer bought, always in the currency of the customer's main
/// order and rounded to that currency's minor units. The quantity and the shipping method must be
/// ones the chosen upsell allows.
/// </summary>
public static class UpsellQuote
{
    public static UpsellPrice Price(Offer offer, string currency, UpsellChoice choice)
    {
        var v = new Validator();
        v.Id("upsellId", choice.UpsellId);
        v.Required("quantity", choice.Quantity);
        v.Id("shippingMethodId", choice.ShippingMethodId);
        v.ThrowIfInvalid();

        var upsell = offer.Upsells?.FirstOrDefault(u => u.Id == choice.UpsellId);
        if (upsell is null)
        {
            v.Add("upsellId", $"'{choice.UpsellId}' is not an upsell of this order's offer.");
            v.ThrowIfInvalid();
        }

        if (!upsell!.AllowedQuantities!.Contains(choice.Quantity!.Value))
        {
            v.Add("quantity", $"Upsell '{upsell.Id}' comes in quantities {string.Join(", ", upsell.AllowedQuantities!)}.");
        }

        var method = upsell.ShippingMethodIds!.Contains(choice.ShippingMethodId!)
            ? offer.ShippingMethods?.FirstOrDefault(m => m.Id == choice.ShippingMethodId)
            : null;
        if (method is null)
        {
            v.Add("shippingMethodId", $"Upsell '{upsell.Id}' ships by {string.Join(", ", upsell.ShippingMethodIds!)}.");
        }

        v.ThrowIfInvalid();

        if (upsell.UnitPrice is null || !upsell.UnitPrice.TryGetValue(currency, out var unit))
        {
            throw DomainException.Conflict("Not priced in the order's currency", $"Upsell '{upsell.Id}' has no price in {currency}, the currency of the customer's main order.");
        }

        if (method!.Price is null || !method.Price.TryGetValue(currency, out var shipping))
        {
            throw DomainException.Conflict("Not priced in the order's currency", $"Shipping method '{method.Id}' has no price in {currency}, the currency of the customer's main order.");
        }

        var minor = Currency.Get(currency).MinorUnits;
        var items = decimal.Round(unit * choice.Quantity!.Value, minor, MidpointRounding.AwayFromZero);
        shipping = decimal.Round(shipping, minor, MidpointRounding.AwayFromZero);
        return new UpsellPrice(currency, upsell.Id!, upsell.Name!, choice.Quantity.Value, unit, items, method.Id!, method.Name!, shipping, items + shipping);
    }
}
