using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Domain.Tests;

public sealed class OfferValidationTests
{
    private static Dictionary<string, decimal> Prices(params (string Code, decimal Amount)[] entries) =>
        entries.ToDictionary(e => e.Code, e => e.Amount);

    private static ShippingMethodRequest Standard => new("std", "Standard", Prices(("USD", 4.95m), ("EUR", 4.95m)));

    private static ShippingMethodRequest Express => new("express", "Express", Prices(("USD", 14.95m)));

    private static UpsellRequest Serum => new("serum", "Night serum", Prices(("USD", 19.99m), ("JPY", 2200m)), [1, 2, 3], ["std", "express"]);

    private static OfferRequest ValidOffer => new(
        "Anti-age cream trial",
        Prices(("USD", 49.95m), ("JPY", 5400m), ("BHD", 18.750m)),
        Prices(("USD", 4.95m), ("EUR", 4.95m)),
        new TrialRequest(TrialDays: 14, ExtensionDays: 10, ReminderDay: 7, ExtensionOfferDaysBeforeEnd: 3),
        [Serum],
        [Standard, Express],
        PrepaymentAllowed: true);

    private static IReadOnlyCollection<string> FieldsOf(OfferRequest offer) => Refusals.FieldsOf(() => offer.Validated());

    private static void RefusedOnlyFor(string field, OfferRequest offer) => Refusals.OnlyFor(field, () => offer.Validated());

    // ---- a valid offer ----

    [Fact]
    public void A_valid_offer_passes_unchanged()
    {
        var offer = ValidOffer;
        var validated = offer.Validated();

        Assert.Equal(offer.Name, validated.Name);
        Assert.Same(offer.ProductPrice, validated.ProductPrice);
        Assert.Same(offer.ShippingAndHandling, validated.ShippingAndHandling);
        Assert.Equal(offer.Trial, OfferRequest.Of(validated).Trial);
        Assert.Equal(offer.Upsells!, OfferRequest.Of(validated).Upsells!);
        Assert.Equal(offer.ShippingMethods!, OfferRequest.Of(validated).ShippingMethods!);
        Assert.True(validated.PrepaymentAllowed);
    }

    [Fact]
    public void An_offer_without_trial_settings_gets_the_default_trial_of_15_15_7_2()
    {
        var validated = (ValidOffer with { Trial = null }).Validated();

        Assert.Equal(new TrialSettings(15, 15, 7, 2), validated.Trial);
    }

    [Fact]
    public void Trial_fields_left_out_take_their_defaults_and_the_others_are_kept()
    {
        var validated = (ValidOffer with { Trial = new TrialRequest(TrialDays: 30) }).Validated();

        Assert.Equal(new TrialSettings(30, 15, 7, 2), validated.Trial);
    }

    [Fact]
    public void The_trial_defaults_are_the_product_rules()
    {
        Assert.Equal(15, TrialSettings.DefaultTrialDays);
        Assert.Equal(15, TrialSettings.DefaultExtensionDays);
        Assert.Equal(7, TrialSettings.DefaultReminderDay);
        Assert.Equal(2, TrialSettings.DefaultExtensionOfferDaysBeforeEnd);
        Assert.Equal(new TrialSettings(15, 15, 7, 2), TrialSettings.Default);
    }

    [Fact]
    public void An_offer_without_upsells_or_shipping_methods_is_stored_with_empty_lists()
    {
        var validated = (ValidOffer with { Upsells = null, ShippingMethods = null }).Validated();

        Assert.NotNull(validated.Upsells);
        Assert.Empty(validated.Upsells);
        Assert.NotNull(validated.ShippingMethods);
        Assert.Empty(validated.ShippingMethods);
    }

    [Fact]
    public void The_offer_name_is_stored_trimmed()
    {
        Assert.Equal("Cream", (ValidOffer with { Name = "  Cream  " }).Validated().Name);
    }

    [Fact]
    public void Validating_a_validated_offer_changes_nothing()
    {
        var once = (ValidOffer with { Trial = null, Upsells = null }).Validated();
        var twice = OfferRequest.Of(once).Validated();

        Assert.Equal(once.Trial, twice.Trial);
        Assert.Equal(once.Name, twice.Name);
        Assert.Empty(twice.Upsells!);
    }

    // ---- name ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_offer_without_a_name_is_refused(string? name)
    {
        RefusedOnlyFor("name", ValidOffer with { Name = name });
    }

    [Fact]
    public void An_offer_name_of_200_characters_passes()
    {
        (ValidOffer with { Name = new string('n', 200) }).Validated();
    }

    [Fact]
    public void An_offer_name_longer_than_200_characters_is_refused()
    {
        RefusedOnlyFor("name", ValidOffer with { Name = new string('n', 201) });
    }

    // ---- prices ----

    [Fact]
    public void An_offer_without_a_product_price_is_refused()
    {
        RefusedOnlyFor("productPrice", ValidOffer with { ProductPrice = null });
        RefusedOnlyFor("productPrice", ValidOffer with { ProductPrice = Prices() });
    }

    [Fact]
    public void An_offer_without_a_shipping_and_handling_fee_is_refused()
    {
        RefusedOnlyFor("shippingAndHandling", ValidOffer with { ShippingAndHandling = null });
        RefusedOnlyFor("shippingAndHandling", ValidOffer with { ShippingAndHandling = Prices() });
    }

    [Fact]
    public void A_negative_product_price_is_refused()
    {
        RefusedOnlyFor("productPrice.USD", ValidOffer with { ProductPrice = Prices(("USD", -49.95m)) });
    }

    [Theory]
    [InlineData("USD", "49.955")]
    [InlineData("JPY", "5400.5")]
    [InlineData("BHD", "18.7505")]
    public void A_product_price_with_more_decimals_than_its_currency_has_is_refused(string code, string amount)
    {
        var price = Prices((code, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
        RefusedOnlyFor($"productPrice.{code}", ValidOffer with { ProductPrice = price });
    }

    [Fact]
    public void A_product_price_in_an_unknown_currency_is_named_with_its_path()
    {
        RefusedOnlyFor("productPrice.XXX", ValidOffer with { ProductPrice = Prices(("USD", 49.95m), ("XXX", 10m)) });
    }

    [Fact]
    public void A_shipping_and_handling_fee_in_an_unknown_currency_is_named_with_its_path()
    {
        RefusedOnlyFor("shippingAndHandling.EURO", ValidOffer with { ShippingAndHandling = Prices(("EURO", 4.95m)) });
    }

    [Fact]
    public void A_free_shipping_and_handling_fee_passes()
    {
        (ValidOffer with { ShippingAndHandling = Prices(("USD", 0m)) }).Validated();
    }

    // ---- trial ----

    [Fact]
    public void The_reminder_day_must_fall_inside_the_trial()
    {
        RefusedOnlyFor("trial.reminderDay", ValidOffer with { Trial = new TrialRequest(TrialDays: 10, ReminderDay: 10) });
        RefusedOnlyFor("trial.reminderDay", ValidOffer with { Trial = new TrialRequest(TrialDays: 10, ReminderDay: 12) });
        (ValidOffer with { Trial = new TrialRequest(TrialDays: 10, ReminderDay: 9) }).Validated();
    }

    [Fact]
    public void A_trial_shorter_than_the_default_reminder_day_needs_an_earlier_reminder()
    {
        // Trial of 5 days with the default reminder on day 7: the reminder would come after the trial.
        RefusedOnlyFor("trial.reminderDay", ValidOffer with { Trial = new TrialRequest(TrialDays: 5, ExtensionOfferDaysBeforeEnd: 1) });
        (ValidOffer with { Trial = new TrialRequest(TrialDays: 5, ReminderDay: 3, ExtensionOfferDaysBeforeEnd: 1) }).Validated();
    }

    [Fact]
    public void The_extension_offer_lead_must_be_less_than_the_trial_days()
    {
        RefusedOnlyFor("trial.extensionOfferDaysBeforeEnd", ValidOffer with { Trial = new TrialRequest(TrialDays: 10, ExtensionOfferDaysBeforeEnd: 10) });
        RefusedOnlyFor("trial.extensionOfferDaysBeforeEnd", ValidOffer with { Trial = new TrialRequest(TrialDays: 10, ExtensionOfferDaysBeforeEnd: 11) });
        (ValidOffer with { Trial = new TrialRequest(TrialDays: 10, ExtensionOfferDaysBeforeEnd: 9) }).Validated();
    }

    [Fact]
    public void An_extension_offer_on_the_last_day_of_the_trial_passes()
    {
        var validated = (ValidOffer with { Trial = new TrialRequest(ExtensionOfferDaysBeforeEnd: 0) }).Validated();
        Assert.Equal(0, validated.Trial!.ExtensionOfferDaysBeforeEnd);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(366)]
    public void Trial_days_outside_1_to_365_are_refused(int days)
    {
        var fields = FieldsOf(ValidOffer with { Trial = new TrialRequest(TrialDays: days, ReminderDay: 1, ExtensionOfferDaysBeforeEnd: 0) });
        Assert.Contains("trial.trialDays", fields);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void Extension_days_outside_1_to_365_are_refused(int days)
    {
        RefusedOnlyFor("trial.extensionDays", ValidOffer with { Trial = new TrialRequest(ExtensionDays: days) });
    }

    [Fact]
    public void A_reminder_day_before_day_1_is_refused()
    {
        RefusedOnlyFor("trial.reminderDay", ValidOffer with { Trial = new TrialRequest(ReminderDay: 0) });
    }

    [Fact]
    public void A_negative_extension_offer_lead_is_refused()
    {
        RefusedOnlyFor("trial.extensionOfferDaysBeforeEnd", ValidOffer with { Trial = new TrialRequest(ExtensionOfferDaysBeforeEnd: -1) });
    }

    [Fact]
    public void The_longest_trial_of_365_days_passes()
    {
        (ValidOffer with { Trial = new TrialRequest(365, 365, 364, 364) }).Validated();
    }

    // ---- shipping methods ----

    [Fact]
    public void A_shipping_method_id_used_twice_is_refused()
    {
        RefusedOnlyFor("shippingMethods[1]", ValidOffer with { ShippingMethods = [Standard, Standard with { Name = "Other" }], Upsells = [] });
    }

    [Fact]
    public void A_shipping_method_needs_an_id_a_name_and_a_price()
    {
        var fields = FieldsOf(ValidOffer with { ShippingMethods = [new ShippingMethodRequest(null, null, null)], Upsells = [] });

        Assert.Equal(
            new[] { "shippingMethods[0].id", "shippingMethods[0].name", "shippingMethods[0].price" },
            fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_shipping_method_id_with_bad_characters_is_refused()
    {
        RefusedOnlyFor("shippingMethods[0].id", ValidOffer with { ShippingMethods = [Standard with { Id = "std shipping" }], Upsells = [] });
    }

    [Fact]
    public void A_shipping_method_price_with_too_many_decimals_is_named_with_its_path()
    {
        RefusedOnlyFor(
            "shippingMethods[1].price.JPY",
            ValidOffer with { ShippingMethods = [Standard, Express with { Price = Prices(("JPY", 500.5m)) }] });
    }

    [Fact]
    public void A_missing_shipping_method_entry_is_refused()
    {
        Assert.Contains("shippingMethods[1]", FieldsOf(ValidOffer with { ShippingMethods = [Standard, null!], Upsells = [] }));
    }

    [Fact]
    public void More_than_50_shipping_methods_are_refused()
    {
        var many = Enumerable.Range(0, 51).Select(i => new ShippingMethodRequest($"m{i}", $"Method {i}", Prices(("USD", 1m)))).ToList();
        RefusedOnlyFor("shippingMethods", ValidOffer with { ShippingMethods = many, Upsells = [] });
        (ValidOffer with { ShippingMethods = many.Take(50).ToList(), Upsells = [] }).Validated();
    }

    // ---- upsells ----

    [Fact]
    public void An_upsell_id_used_twice_is_refused()
    {
        RefusedOnlyFor("upsells[1]", ValidOffer with { Upsells = [Serum, Serum with { Name = "Serum again" }] });
    }

    [Fact]
    public void An_upsell_shipping_method_that_the_offer_does_not_have_is_named_with_its_path()
    {
        RefusedOnlyFor("upsells[0].shippingMethodIds[0]", ValidOffer with { Upsells = [Serum with { ShippingMethodIds = ["drone", "std"] }] });
    }

    [Fact]
    public void An_upsell_shipping_method_must_be_one_of_this_offers_methods_even_without_any()
    {
        RefusedOnlyFor("upsells[0].shippingMethodIds[0]", ValidOffer with { ShippingMethods = [], Upsells = [Serum with { ShippingMethodIds = ["std"] }] });
    }

    [Fact]
    public void Upsell_shipping_method_ids_are_matched_exactly()
    {
        RefusedOnlyFor("upsells[0].shippingMethodIds[1]", ValidOffer with { Upsells = [Serum with { ShippingMethodIds = ["std", "STD"] }] });
    }

    [Fact]
    public void An_upsell_without_a_shipping_method_is_refused()
    {
        RefusedOnlyFor("upsells[0].shippingMethodIds", ValidOffer with { Upsells = [Serum with { ShippingMethodIds = null }] });
        RefusedOnlyFor("upsells[0].shippingMethodIds", ValidOffer with { Upsells = [Serum with { ShippingMethodIds = [] }] });
    }

    [Fact]
    public void A_blank_upsell_shipping_method_id_is_refused()
    {
        RefusedOnlyFor("upsells[0].shippingMethodIds[1]", ValidOffer with { Upsells = [Serum with { ShippingMethodIds = ["std", " "] }] });
    }

    [Fact]
    public void An_upsell_without_any_allowed_quantity_is_refused()
    {
        RefusedOnlyFor("upsells[0].allowedQuantities", ValidOffer with { Upsells = [Serum with { AllowedQuantities = null }] });
        RefusedOnlyFor("upsells[0].allowedQuantities", ValidOffer with { Upsells = [Serum with { AllowedQuantities = [] }] });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void An_allowed_quantity_outside_1_to_1000_is_refused(int quantity)
    {
        RefusedOnlyFor("upsells[0].allowedQuantities[1]", ValidOffer with { Upsells = [Serum with { AllowedQuantities = [1, quantity] }] });
    }

    [Fact]
    public void Allowed_quantities_of_1_and_1000_pass()
    {
        (ValidOffer with { Upsells = [Serum with { AllowedQuantities = [1, 1000] }] }).Validated();
    }

    [Fact]
    public void An_allowed_quantity_listed_twice_is_refused()
    {
        RefusedOnlyFor("upsells[0].allowedQuantities[2]", ValidOffer with { Upsells = [Serum with { AllowedQuantities = [1, 2, 1] }] });
    }

    [Fact]
    public void An_upsell_needs_an_id_a_name_and_a_unit_price()
    {
        var fields = FieldsOf(ValidOffer with { Upsells = [new UpsellRequest(null, null, null, [1], ["std"])] });

        Assert.Equal(
            new[] { "upsells[0].id", "upsells[0].name", "upsells[0].unitPrice" },
            fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_upsell_name_longer_than_200_characters_is_refused()
    {
        RefusedOnlyFor("upsells[0].name", ValidOffer with { Upsells = [Serum with { Name = new string('u', 201) }] });
    }

    [Fact]
    public void An_upsell_id_longer_than_64_characters_is_refused()
    {
        RefusedOnlyFor("upsells[0].id", ValidOffer with { Upsells = [Serum with { Id = new string('u', 65) }] });
    }

    [Fact]
    public void An_upsell_unit_price_in_an_unknown_currency_is_named_with_its_path()
    {
        RefusedOnlyFor("upsells[0].unitPrice.ABC", ValidOffer with { Upsells = [Serum with { UnitPrice = Prices(("ABC", 1m)) }] });
    }

    [Fact]
    public void A_negative_upsell_unit_price_is_refused()
    {
        RefusedOnlyFor("upsells[0].unitPrice.USD", ValidOffer with { Upsells = [Serum with { UnitPrice = Prices(("USD", -0.01m)) }] });
    }

    [Fact]
    public void A_missing_upsell_entry_is_refused()
    {
        RefusedOnlyFor("upsells[1]", ValidOffer with { Upsells = [Serum, null!] });
    }

    [Fact]
    public void More_than_100_upsells_are_refused()
    {
        var many = Enumerable.Range(0, 101).Select(i => Serum with { Id = $"u{i}" }).ToList();
        RefusedOnlyFor("upsells", ValidOffer with { Upsells = many });
        (ValidOffer with { Upsells = many.Take(100).ToList() }).Validated();
    }

    // ---- all at once ----

    [Fact]
    public void Every_error_of_an_offer_is_reported_at_once()
    {
        var offer = new OfferRequest(
            Name: "",
            ProductPrice: Prices(("USD", 1.001m), ("XXX", 1m)),
            ShippingAndHandling: Prices(("JPY", -5m)),
            Trial: new TrialRequest(TrialDays: 10, ReminderDay: 10, ExtensionOfferDaysBeforeEnd: 10),
            Upsells: [Serum with { AllowedQuantities = [0], ShippingMethodIds = ["drone"] }, Serum],
            ShippingMethods: [Standard, Standard]);

        var refusal = Refusals.Of(() => offer.Validated());

        Assert.Equal(ProblemKind.Validation, refusal.Kind);
        Assert.Equal(
            new[]
            {
                "name",
                "productPrice.USD",
                "productPrice.XXX",
                "shippingAndHandling.JPY",
                "shippingMethods[1]",
                "trial.extensionOfferDaysBeforeEnd",
                "trial.reminderDay",
                "upsells[0].allowedQuantities[0]",
                "upsells[0].shippingMethodIds[0]",
                "upsells[1]",
                "upsells[1].shippingMethodIds[1]", // "express" is not a method of this offer
            },
            refusal.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
