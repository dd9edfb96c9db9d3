using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Domain.Orders;

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
