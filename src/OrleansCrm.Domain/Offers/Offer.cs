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

/// <summary>Trial terms; every field left out takes the default of the product rules.</summary>
public sealed record TrialSettings(
    int? TrialDays = null,
    int? ExtensionDays = null,
    int? ReminderDay = null,
    int? ExtensionOfferDaysBeforeEnd = null)
{
    public const int DefaultTrialDays = 15;
    public const int DefaultExtensionDays = 15;
    public const int DefaultReminderDay = 7;
    public const int DefaultExtensionOfferDaysBeforeEnd = 2;

    public static TrialSettings Default { get; } = new();

    public TrialSettings WithDefaults() => new(
        TrialDays ?? DefaultTrialDays,
        ExtensionDays ?? DefaultExtensionDays,
        ReminderDay ?? DefaultReminderDay,
        ExtensionOfferDaysBeforeEnd ?? DefaultExtensionOfferDaysBeforeEnd);

    internal void Validate(Validator v, string path)
    {
        var full = WithDefaults();
        var trialDays = full.TrialDays!.Value;
        v.Range($"{path}.trialDays", trialDays, 1, 365);
        v.Range($"{path}.extensionDays", full.ExtensionDays!.Value, 1, 365);
        if (v.Range($"{path}.reminderDay", full.ReminderDay!.Value, 1, 365) && full.ReminderDay >= trialDays)
        {
            v.Add($"{path}.reminderDay", $"must fall inside the trial (before day {trialDays}).");
        }

        if (v.Range($"{path}.extensionOfferDaysBeforeEnd", full.ExtensionOfferDaysBeforeEnd!.Value, 0, 365)
            && full.ExtensionOfferDaysBeforeEnd >= trialDays)
        {
            v.Add($"{path}.extensionOfferDaysBeforeEnd", $"must leave the offer inside the trial (less than {trialDays} days).");
        }
    }
}

/// <summary>A way to ship, priced per currency.</summary>
public sealed record ShippingMethod(string? Id, string? Name, IReadOnlyDictionary<string, decimal>? Price)
{
    internal void Validate(Validator v, string path)
    {
        v.Id($"{path}.id", Id);
        v.Text($"{path}.name", Name, Validator.NameMaxLength, required: true);
        v.Prices($"{path}.price", Price);
    }
}

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
