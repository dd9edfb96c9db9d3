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
        var quantity = choice.Quantity ?? throw new InvalidOperationException("The quantity passed its check but is missing.");
        var shippingMethodId = Validator.Present(choice.ShippingMethodId);

        var upsell = offer.Upsells.FirstOrDefault(u => u.Id == choice.UpsellId);
        if (upsell is null)
        {
            throw v.Refusal("upsellId", $"'{choice.UpsellId}' is not an upsell of this order's offer.");
        }

        if (!upsell.AllowedQuantities.Contains(quantity))
        {
            v.Add("quantity", $"Upsell '{upsell.Id}' comes in quantities {string.Join(", ", upsell.AllowedQuantities)}.");
        }

        var method = upsell.ShippingMethodIds.Contains(shippingMethodId)
            ? offer.ShippingMethods.FirstOrDefault(m => m.Id == shippingMethodId)
            : null;
        if (method is null)
        {
            throw v.Refusal("shippingMethodId", $"Upsell '{upsell.Id}' ships by {string.Join(", ", upsell.ShippingMethodIds)}.");
        }

        v.ThrowIfInvalid();

        if (!upsell.UnitPrice.TryGetValue(currency, out var unit))
        {
            throw DomainException.Conflict("Not priced in the order's currency", $"Upsell '{upsell.Id}' has no price in {currency}, the currency of the customer's main order.");
        }

        if (!method.Price.TryGetValue(currency, out var shipping))
        {
            throw DomainException.Conflict("Not priced in the order's currency", $"Shipping method '{method.Id}' has no price in {currency}, the currency of the customer's main order.");
        }

        var minor = Currency.Get(currency).MinorUnits;
        var items = decimal.Round(unit * quantity, minor, MidpointRounding.AwayFromZero);
        shipping = decimal.Round(shipping, minor, MidpointRounding.AwayFromZero);
        return new UpsellPrice(currency, upsell.Id, upsell.Name, quantity, unit, items, method.Id, method.Name, shipping, items + shipping);
    }
}
