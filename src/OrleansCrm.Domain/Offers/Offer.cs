using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Offers;

/// <summary>
/// What a customer can buy: the product price and the shipping &amp; handling fee per currency,
/// the trial terms, the upsells offered on outbound calls and the shipping methods, every one of them set.
/// Prices are decimals in major units per ISO 4217 code, e.g. <c>{ "USD": 49.95, "JPY": 5400 }</c>.
/// Built by <see cref="Checked"/> from what a client sent (the api's body).
/// </summary>
public sealed record Offer(
    string Name,
    IReadOnlyDictionary<string, decimal> ProductPrice,
    IReadOnlyDictionary<string, decimal> ShippingAndHandling,
    TrialSettings Trial,
    IReadOnlyList<Upsell> Upsells,
    IReadOnlyList<ShippingMethod> ShippingMethods,
    bool PrepaymentAllowed = false)
{
    /// <summary>
    /// Checks every field of an offer as sent and returns the offer with its defaults filled in (the default trial,
    /// empty lists, the name trimmed), or throws the validation problem (every field at once).
    /// </summary>
    public static Offer Checked(
        string? name,
        IReadOnlyDictionary<string, decimal>? productPrice,
        IReadOnlyDictionary<string, decimal>? shippingAndHandling,
        ISentTrialSettings? trial,
        IReadOnlyList<ISentUpsell?>? upsells,
        IReadOnlyList<ISentShippingMethod?>? shippingMethods,
        bool prepaymentAllowed)
    {
        var v = new Validator();
        v.Text("name", name, Validator.NameMaxLength, required: true);
        v.Prices("productPrice", productPrice, zeroAllowed: false);
        v.Prices("shippingAndHandling", shippingAndHandling);

        var terms = TrialSettings.Checked(v, "trial", trial);

        var sentShipping = shippingMethods ?? [];
        v.Unique("shippingMethods", sentShipping, s => s?.Id);
        var shipping = new List<ShippingMethod>(sentShipping.Count);
        for (var i = 0; i < sentShipping.Count; i++)
        {
            var path = $"shippingMethods[{i}]";
            var sent = sentShipping[i];
            if (v.Required(path, sent) && ShippingMethod.Checked(v, path, sent) is { } method)
            {
                shipping.Add(method);
            }
        }

        var knownShipping = sentShipping.Select(s => s?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var sentUpsells = upsells ?? [];
        v.Unique("upsells", sentUpsells, u => u?.Id);
        var checkedUpsells = new List<Upsell>(sentUpsells.Count);
        for (var i = 0; i < sentUpsells.Count; i++)
        {
            var path = $"upsells[{i}]";
            var sent = sentUpsells[i];
            if (v.Required(path, sent) && Upsell.Checked(v, path, sent, knownShipping) is { } upsell)
            {
                checkedUpsells.Add(upsell);
            }
        }

        if (sentUpsells.Count > 100)
        {
            v.Add("upsells", "may hold at most 100 upsells.");
        }

        if (sentShipping.Count > 50)
        {
            v.Add("shippingMethods", "may hold at most 50 shipping methods.");
        }

        v.ThrowIfInvalid();
        return new Offer(
            Validator.Present(name).Trim(),
            Validator.Present(productPrice),
            Validator.Present(shippingAndHandling),
            terms,
            checkedUpsells,
            shipping,
            prepaymentAllowed);
    }
}
