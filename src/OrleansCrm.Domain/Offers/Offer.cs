using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Offers;

/// <summary>
/// What a customer can buy: the product price and the shipping &amp; handling fee per currency,
/// the trial terms, the upsells offered on outbound calls and the shipping methods.
/// Prices are decimals in major units per ISO 4217 code, e.g. <c>{ "USD": 49.95, "JPY": 5400 }</c>.
/// </summary>
public sealed record Offer(
    string? Name,
    IReadOnlyDictionary<string, decimal>? ProductPrice,
    IReadOnlyDictionary<string, decimal>? ShippingAndHandling,
    TrialSettings? Trial,
    IReadOnlyList<Upsell>? Upsells,
    IReadOnlyList<ShippingMethod>? ShippingMethods,
    bool PrepaymentAllowed = false)
{
    /// <summary>Checks every field and returns the offer with its defaults filled in, or throws the validation problem.</summary>
    public Offer Validated()
    {
        var v = new Validator();
        v.Text("name", Name, Validator.NameMaxLength, required: true);
        v.Prices("productPrice", ProductPrice, zeroAllowed: false);
        v.Prices("shippingAndHandling", ShippingAndHandling);

        var trial = Trial ?? TrialSettings.Default;
        trial.Validate(v, "trial");

        var shipping = ShippingMethods ?? [];
        v.Unique("shippingMethods", shipping, s => s?.Id);
        for (var i = 0; i < shipping.Count; i++)
        {
            var path = $"shippingMethods[{i}]";
            if (v.Required(path, shipping[i]))
            {
                shipping[i].Validate(v, path);
            }
        }

        var knownShipping = shipping.Where(s => s?.Id is not null).Select(s => s.Id!).ToHashSet(StringComparer.Ordinal);
        var upsells = Upsells ?? [];
        v.Unique("upsells", upsells, u => u?.Id);
        for (var i = 0; i < upsells.Count; i++)
        {
            var path = $"upsells[{i}]";
            if (v.Required(path, upsells[i]))
            {
                upsells[i].Validate(v, path, knownShipping);
            }
        }

        if (upsells.Count > 100)
        {
            v.Add("upsells", "may hold at most 100 upsells.");
        }

        if (shipping.Count > 50)
        {
            v.Add("shippingMethods", "may hold at most 50 shipping methods.");
        }

        v.ThrowIfInvalid();
        return this with { Name = Name!.Trim(), Trial = trial.WithDefaults(), Upsells = upsells, ShippingMethods = shipping };
    }
}
