using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Offers;

/// <summary>An extra product an agent may sell to an existing buyer: its unit price, the quantities it comes in and how it may ship.</summary>
public sealed record Upsell(
    string Id,
    string Name,
    IReadOnlyDictionary<string, decimal> UnitPrice,
    IReadOnlyList<int> AllowedQuantities,
    IReadOnlyList<string> ShippingMethodIds)
{
    /// <summary>Checks an upsell as sent against the offer's shipping methods; the upsell when nothing it needs is missing (the caller throws on any refusal).</summary>
    internal static Upsell? Checked(Validator v, string path, ISentUpsell sent, IReadOnlySet<string> knownShipping)
    {
        v.Id($"{path}.id", sent.Id);
        v.Text($"{path}.name", sent.Name, Validator.NameMaxLength, required: true);
        v.Prices($"{path}.unitPrice", sent.UnitPrice, zeroAllowed: false);

        var quantities = sent.AllowedQuantities;
        if (quantities is null || quantities.Count == 0)
        {
            v.Add($"{path}.allowedQuantities", "needs at least one quantity.");
        }
        else
        {
            for (var i = 0; i < quantities.Count; i++)
            {
                v.Range($"{path}.allowedQuantities[{i}]", quantities[i], 1, 1000);
            }

            v.Unique($"{path}.allowedQuantities", quantities, q => q.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var shippingMethodIds = sent.ShippingMethodIds;
        if (shippingMethodIds is null || shippingMethodIds.Count == 0)
        {
            v.Add($"{path}.shippingMethodIds", "needs at least one shipping method of the offer.");
            return null;
        }

        v.Unique($"{path}.shippingMethodIds", shippingMethodIds, id => id);
        for (var i = 0; i < shippingMethodIds.Count; i++)
        {
            var id = shippingMethodIds[i];
            if (v.Required($"{path}.shippingMethodIds[{i}]", id) && !knownShipping.Contains(id))
            {
                v.Add($"{path}.shippingMethodIds[{i}]", $"'{Validator.Shorten(id)}' is not one of the offer's shipping methods.");
            }
        }

        return sent is { Id: { } upsellId, Name: { } name, UnitPrice: { } unitPrice } && quantities is not null
            ? new Upsell(upsellId, name, unitPrice, quantities, shippingMethodIds)
            : null;
    }
}
