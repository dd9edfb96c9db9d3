using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Offers;

/// <summary>An extra product an agent may sell to an existing buyer: its unit price, the quantities it comes in and how it may ship.</summary>
public sealed record Upsell(
    string? Id,
    string? Name,
    IReadOnlyDictionary<string, decimal>? UnitPrice,
    IReadOnlyList<int>? AllowedQuantities,
    IReadOnlyList<string>? ShippingMethodIds)
{
    internal void Validate(Validator v, string path, IReadOnlySet<string> knownShipping)
    {
        v.Id($"{path}.id", Id);
        v.Text($"{path}.name", Name, Validator.NameMaxLength, required: true);
        v.Prices($"{path}.unitPrice", UnitPrice, zeroAllowed: false);

        if (AllowedQuantities is null || AllowedQuantities.Count == 0)
        {
            v.Add($"{path}.allowedQuantities", "needs at least one quantity.");
        }
        else
        {
            for (var i = 0; i < AllowedQuantities.Count; i++)
            {
                v.Range($"{path}.allowedQuantities[{i}]", AllowedQuantities[i], 1, 1000);
            }

            v.Unique($"{path}.allowedQuantities", AllowedQuantities, q => q.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (ShippingMethodIds is null || ShippingMethodIds.Count == 0)
        {
            v.Add($"{path}.shippingMethodIds", "needs at least one shipping method of the offer.");
            return;
        }

        v.Unique($"{path}.shippingMethodIds", ShippingMethodIds, id => id);
        for (var i = 0; i < ShippingMethodIds.Count; i++)
        {
            var id = ShippingMethodIds[i];
            if (v.Required($"{path}.shippingMethodIds[{i}]", id) && !knownShipping.Contains(id))
            {
                v.Add($"{path}.shippingMethodIds[{i}]", $"'{Validator.Shorten(id)}' is not one of the offer's shipping methods.");
            }
        }
    }
}
