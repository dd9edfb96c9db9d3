using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

public sealed class ValidatorTests
{
    // ---- the validator itself ----

    [Fact]
    public void A_validator_with_nothing_wrong_is_valid_and_does_not_throw()
    {
        var v = new Validator();
        v.Required("name", "Mario");
        Assert.True(v.IsValid);
        Assert.Empty(v.Errors);
        v.ThrowIfInvalid();
    }

    [Fact]
    public void Every_problem_is_reported_at_once_keyed_by_the_field_it_names()
    {
        var v = new Validator();
        v.Required("name", null);
        v.Phone("phone", "123");
        v.Color("color", "red");

        var refusal = Refusals.Of(v.ThrowIfInvalid);

        Assert.Equal(new[] { "color", "name", "phone" }, refusal.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Several_problems_of_one_field_are_kept_under_the_same_key()
    {
        var v = new Validator();
        v.Add("name", "first");
        v.Add("name", "second");

        Assert.Equal(new[] { "first", "second" }, v.Errors["name"]);
    }

    [Fact]
    public void A_refusal_is_a_validation_problem_carrying_the_errors()
    {
        var v = new Validator();
        v.Add("field", "is wrong.");

        var refusal = Assert.Throws<DomainException>(v.ThrowIfInvalid);

        Assert.Equal(ProblemKind.Validation, refusal.Kind);
        Assert.Equal(new[] { "is wrong." }, refusal.Errors["field"]);
    }

    [Fact]
    public void Echoed_bad_input_is_shortened_to_forty_characters()
    {
        Assert.Equal("short", Validator.Shorten("short"));
        Assert.Equal(new string('a', 40), Validator.Shorten(new string('a', 40)));
        Assert.Equal(new string('a', 40) + "…", Validator.Shorten(new string('a', 41)));
    }

    // ---- required ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_or_blank_required_value_is_refused(string? value)
    {
        var v = new Validator();
        Assert.False(v.Required("name", value));
        Assert.Equal(["name"], v.Fields());
    }

    [Fact]
    public void A_present_required_value_passes()
    {
        var v = new Validator();
        Assert.True(v.Required("name", "Mario"));
        Assert.True(v.Required("count", 0));
        Assert.True(v.IsValid);
    }

    // ---- text length caps ----

    [Fact]
    public void A_text_at_its_length_cap_passes()
    {
        var v = new Validator();
        Assert.True(v.Text("name", new string('a', Validator.NameMaxLength), Validator.NameMaxLength, required: true));
        Assert.True(v.IsValid);
    }

    [Fact]
    public void A_text_longer_than_its_cap_is_refused()
    {
        var v = new Validator();
        Assert.False(v.Text("name", new string('a', Validator.NameMaxLength + 1), Validator.NameMaxLength));
        Assert.Equal(["name"], v.Fields());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_required_text_that_is_missing_or_blank_is_refused(string? value)
    {
        var v = new Validator();
        Assert.False(v.Text("label", value, 10, required: true));
        Assert.Equal(["label"], v.Fields());
    }

    [Fact]
    public void An_optional_text_may_be_left_out()
    {
        var v = new Validator();
        Assert.True(v.Text("line2", null, 10));
        Assert.True(v.IsValid);
    }

    [Fact]
    public void The_length_caps_are_the_documented_ones()
    {
        Assert.Equal(200, Validator.NameMaxLength);
        Assert.Equal(64, Validator.IdMaxLength);
        Assert.Equal(4000, Validator.TextMaxLength);
        Assert.Equal(500, Validator.ShortTextMaxLength);
    }

    // ---- ids ----

    [Theory]
    [InlineData("a")]
    [InlineData("std-shipping")]
    [InlineData("upsell_2.v1")]
    [InlineData("ABC123")]
    public void An_id_of_letters_digits_dashes_underscores_and_dots_passes(string id)
    {
        var v = new Validator();
        Assert.True(v.Id("id", id));
        Assert.True(v.IsValid);
    }

    [Fact]
    public void An_id_of_64_characters_passes()
    {
        var v = new Validator();
        Assert.True(v.Id("id", new string('x', 64)));
        Assert.True(v.IsValid);
    }

    [Fact]
    public void An_id_longer_than_64_characters_is_refused()
    {
        var v = new Validator();
        Assert.False(v.Id("id", new string('x', 65)));
        Assert.Equal(["id"], v.Fields());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/id")]
    [InlineData("semi;colon")]
    [InlineData("città")]
    [InlineData("quote'")]
    [InlineData("a+b")]
    public void An_id_with_a_character_outside_the_allowed_set_is_refused(string id)
    {
        var v = new Validator();
        Assert.False(v.Id("upsells[0].id", id));
        Assert.Equal(["upsells[0].id"], v.Fields());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_required_id_that_is_missing_or_blank_is_refused(string? id)
    {
        var v = new Validator();
        Assert.False(v.Id("id", id));
        Assert.Equal(["id"], v.Fields());
    }

    [Fact]
    public void An_optional_id_may_be_left_out()
    {
        var v = new Validator();
        v.Id("personalManager", null, required: false);
        Assert.True(v.IsValid);
    }

    // ---- ranges ----

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(100)]
    public void A_number_inside_its_range_passes_bounds_included(int value)
    {
        var v = new Validator();
        Assert.True(v.Range("attemptCap", value, 1, 100));
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void A_number_outside_its_range_is_refused(int value)
    {
        var v = new Validator();
        Assert.False(v.Range("attemptCap", value, 1, 100));
        Assert.Equal(["attemptCap"], v.Fields());
    }

    // ---- currency codes ----

    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("JPY")]
    [InlineData("BHD")]
    public void An_ISO_4217_currency_code_passes(string code)
    {
        var v = new Validator();
        Assert.True(v.Currency("currency", code));
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData("XXX")]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("EURO")]
    [InlineData("ABC")]
    public void An_unknown_currency_code_is_refused(string code)
    {
        var v = new Validator();
        Assert.False(v.Currency("currency", code));
        Assert.Equal(["currency"], v.Fields());
    }

    [Fact]
    public void A_missing_currency_code_is_refused()
    {
        var v = new Validator();
        Assert.False(v.Currency("currency", null));
        Assert.Equal(["currency"], v.Fields());
    }

    // ---- price lists ----

    [Fact]
    public void A_price_list_of_known_currencies_with_fitting_decimals_passes()
    {
        var v = new Validator();
        v.Prices("productPrice", new Dictionary<string, decimal> { ["USD"] = 49.95m, ["JPY"] = 5400m, ["BHD"] = 1.250m, ["EUR"] = 0m });
        Assert.True(v.IsValid);
    }

    [Fact]
    public void A_negative_price_is_refused_under_its_currency_path()
    {
        var v = new Validator();
        v.Prices("productPrice", new Dictionary<string, decimal> { ["USD"] = -1m });
        Assert.Equal(["productPrice.USD"], v.Fields());
    }

    [Fact]
    public void A_free_price_of_zero_passes()
    {
        var v = new Validator();
        v.Prices("shippingAndHandling", new Dictionary<string, decimal> { ["USD"] = 0m });
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData("USD", "19.999")]
    [InlineData("EUR", "0.001")]
    [InlineData("JPY", "1500.5")]
    [InlineData("BHD", "1.2345")]
    [InlineData("KWD", "0.0001")]
    public void An_amount_with_more_decimals_than_the_currency_has_is_refused(string code, string amount)
    {
        var v = new Validator();
        v.Prices("productPrice", new Dictionary<string, decimal> { [code] = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal([$"productPrice.{code}"], v.Fields());
    }

    [Theory]
    [InlineData("USD", "19.99")]
    [InlineData("USD", "20")]
    [InlineData("JPY", "1500")]
    [InlineData("BHD", "1.234")]
    [InlineData("KWD", "0.001")]
    public void An_amount_with_no_more_decimals_than_the_currency_has_passes(string code, string amount)
    {
        var v = new Validator();
        v.Prices("productPrice", new Dictionary<string, decimal> { [code] = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(v.IsValid);
    }

    [Fact]
    public void Trailing_zeros_beyond_the_currency_decimals_do_not_change_the_amount_and_pass()
    {
        var v = new Validator();
        v.Prices("productPrice", new Dictionary<string, decimal> { ["USD"] = 19.900m, ["JPY"] = 1500.0m });
        Assert.True(v.IsValid);
    }

    [Fact]
    public void An_amount_above_the_sanity_cap_is_refused()
    {
        var v = new Validator();
        v.Prices("productPrice", new Dictionary<string, decimal> { ["USD"] = Currency.MaxAmount + 1m });
        Assert.Equal(["productPrice.USD"], v.Fields());
    }

    [Fact]
    public void An_amount_at_the_sanity_cap_passes()
    {
        var v = new Validator();
        v.Prices("productPrice", new Dictionary<string, decimal> { ["USD"] = Currency.MaxAmount });
        Assert.True(v.IsValid);
    }

    [Fact]
    public void An_unknown_currency_in_a_price_list_is_named_with_its_path()
    {
        var v = new Validator();
        v.Prices("productPrice", new Dictionary<string, decimal> { ["USD"] = 10m, ["XXX"] = 10m });
        Assert.Equal(["productPrice.XXX"], v.Fields());
        Assert.Contains("XXX", v.Errors["productPrice.XXX"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_entry_of_a_price_list_is_named_at_once()
    {
        var v = new Validator();
        v.Prices("upsells[0].unitPrice", new Dictionary<string, decimal> { ["USD"] = 1.001m, ["JPY"] = -1m, ["ZZZ"] = 1m, ["EUR"] = 1m });
        Assert.Equal(
            new[] { "upsells[0].unitPrice.JPY", "upsells[0].unitPrice.USD", "upsells[0].unitPrice.ZZZ" },
            v.Fields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_required_price_list_that_is_missing_is_refused()
    {
        var v = new Validator();
        v.Prices("productPrice", null);
        Assert.Equal(["productPrice"], v.Fields());
    }

    [Fact]
    public void A_required_price_list_without_any_currency_is_refused()
    {
        var v = new Validator();
        v.Prices("productPrice", new Dictionary<string, decimal>());
        Assert.Equal(["productPrice"], v.Fields());
    }

    [Fact]
    public void An_optional_price_list_may_be_missing_or_empty()
    {
        var v = new Validator();
        v.Prices("discount", null, required: false);
        v.Prices("discount", new Dictionary<string, decimal>(), required: false);
        Assert.True(v.IsValid);
    }

    // ---- time zones ----

    [Theory]
    [InlineData("Europe/Rome")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    [InlineData("UTC")]
    public void An_IANA_time_zone_passes(string zone)
    {
        var v = new Validator();
        Assert.True(v.TimeZone("timeZone", zone));
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData("Mars/Base")]
    [InlineData("+02:00")]
    [InlineData("GMT+2")]
    [InlineData("Rome")]
    public void Something_that_is_not_an_IANA_time_zone_is_refused(string zone)
    {
        var v = new Validator();
        Assert.False(v.TimeZone("timeZone", zone));
        Assert.Equal(["timeZone"], v.Fields());
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Pacific Standard Time")]
    public void A_Windows_time_zone_id_is_refused(string zone)
    {
        var v = new Validator();
        Assert.False(v.TimeZone("timeZone", zone));
        Assert.Equal(["timeZone"], v.Fields());
    }

    [Fact]
    public void A_time_zone_id_longer_than_64_characters_is_refused()
    {
        var v = new Validator();
        Assert.False(v.TimeZone("timeZone", "Europe/" + new string('a', 64)));
        Assert.Equal(["timeZone"], v.Fields());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_required_time_zone_that_is_missing_or_blank_is_refused(string? zone)
    {
        var v = new Validator();
        Assert.False(v.TimeZone("timeZone", zone));
        Assert.Equal(["timeZone"], v.Fields());
    }

    [Fact]
    public void An_optional_time_zone_may_be_left_out()
    {
        var v = new Validator();
        Assert.True(v.TimeZone("timeZone", null, required: false));
        Assert.True(v.IsValid);
    }

    // ---- phones ----

    [Theory]
    [InlineData("+390612345678")]
    [InlineData("+14155552671")]
    [InlineData("+12345678")]
    [InlineData("+123456789012345")]
    public void An_E164_phone_number_passes(string phone)
    {
        var v = new Validator();
        Assert.True(v.Phone("phone", phone));
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData("0612345678")]
    [InlineData("390612345678")]
    [InlineData("+0612345678")]
    [InlineData("+39 06 1234 5678")]
    [InlineData("+39-06-12345678")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+39abc12345678")]
    public void A_phone_number_that_is_not_E164_is_refused(string phone)
    {
        var v = new Validator();
        Assert.False(v.Phone("phone", phone));
        Assert.Equal(["phone"], v.Fields());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_required_phone_number_that_is_missing_is_refused(string? phone)
    {
        var v = new Validator();
        Assert.False(v.Phone("phone", phone));
        Assert.Equal(["phone"], v.Fields());
    }

    [Fact]
    public void An_optional_phone_number_may_be_left_out()
    {
        var v = new Validator();
        Assert.True(v.Phone("phone", null, required: false));
        Assert.True(v.IsValid);
    }

    // ---- emails ----

    [Theory]
    [InlineData("mario.rossi@example.com")]
    [InlineData("a+tag@mail.example.it")]
    public void An_email_address_passes(string email)
    {
        var v = new Validator();
        Assert.True(v.Email("email", email));
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData("mario")]
    [InlineData("mario@example")]
    [InlineData("@example.com")]
    [InlineData("mario@@example.com")]
    [InlineData("mario rossi@example.com")]
    [InlineData("mario@exa mple.com")]
    [InlineData("")]
    [InlineData("   ")]
    public void Something_that_is_not_an_email_address_is_refused(string email)
    {
        var v = new Validator();
        Assert.False(v.Email("email", email));
        Assert.Equal(["email"], v.Fields());
    }

    [Fact]
    public void An_email_address_longer_than_254_characters_is_refused()
    {
        var v = new Validator();
        Assert.False(v.Email("email", new string('a', 250) + "@example.com"));
        Assert.Equal(["email"], v.Fields());
    }

    [Fact]
    public void An_optional_email_may_be_left_out_but_a_required_one_may_not()
    {
        var optional = new Validator();
        Assert.True(optional.Email("email", null));
        Assert.True(optional.IsValid);

        var required = new Validator();
        Assert.False(required.Email("email", null, required: true));
        Assert.Equal(["email"], required.Fields());
    }

    // ---- colors ----

    [Theory]
    [InlineData("#2E7D32")]
    [InlineData("#ffffff")]
    [InlineData("#000000")]
    public void A_color_as_RRGGBB_passes(string color)
    {
        var v = new Validator();
        Assert.True(v.Color("color", color));
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("2E7D32")]
    [InlineData("#FFF")]
    [InlineData("#GGGGGG")]
    [InlineData("#2E7D32FF")]
    [InlineData("rgb(0,0,0)")]
    [InlineData(null)]
    [InlineData("")]
    public void A_color_that_is_not_RRGGBB_is_refused(string? color)
    {
        var v = new Validator();
        Assert.False(v.Color("outcomes[0].color", color));
        Assert.Equal(["outcomes[0].color"], v.Fields());
    }

    // ---- uniqueness ----

    [Fact]
    public void A_list_of_distinct_ids_passes()
    {
        var v = new Validator();
        v.Unique("upsells", new[] { "a", "b", "c" }, s => s);
        Assert.True(v.IsValid);
    }

    [Fact]
    public void A_repeated_id_is_refused_at_the_index_of_the_repetition()
    {
        var v = new Validator();
        v.Unique("upsells", new[] { "a", "b", "a", "c", "b" }, s => s);
        Assert.Equal(new[] { "upsells[2]", "upsells[4]" }, v.Fields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Uniqueness_is_case_sensitive()
    {
        var v = new Validator();
        v.Unique("codes", new[] { "a", "A" }, s => s);
        Assert.True(v.IsValid);
    }

    [Fact]
    public void Items_without_a_key_and_a_missing_list_are_left_to_other_rules()
    {
        var v = new Validator();
        v.Unique("codes", new string?[] { null, null }, s => s);
        v.Unique<string>("codes", null, s => s);
        Assert.True(v.IsValid);
    }
}
