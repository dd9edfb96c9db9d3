using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Customers;
using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Domain.Tests;

public sealed class DomainBugRegressionTests
{
    [Theory]
    [InlineData("qty 2 4111111111111111", "qty 2 XXXX XXXX XXXX 1111")]
    [InlineData("Order 1234 4111 1111 1111 1111", "Order 1234 XXXX XXXX XXXX 1111")]
    [InlineData("ref 1 4111-1111-1111-1111", "ref 1 XXXX XXXX XXXX 1111")]
    public void A_card_number_right_after_another_number_is_still_redacted(string text, string redacted)
    {
        Assert.True(CardNumbers.ContainsPan(text));
        Assert.Equal(redacted, CardNumbers.Redact(text));
    }

    [Fact]
    public void A_partial_retry_policy_has_its_missing_delays_filled_with_the_defaults()
    {
        var c = new CampaignRequest("c", "Europe/Rome", null, null, null, new RetryPolicy(FirstRetryMinutes: 5), null, null).Validated();
        Assert.Equal(new RetryPolicy(5, 1440, 30), c.RetryPolicy);
    }

    [Fact]
    public void An_id_with_a_trailing_newline_is_refused()
    {
        var v = new Validator();
        Assert.False(v.Id("id", "abc\n"));
    }

    [Fact]
    public void A_phone_number_with_a_trailing_newline_is_refused()
    {
        var v = new Validator();
        Assert.False(v.Phone("phone", "+390612345678\n"));
    }

    [Fact]
    public void An_email_with_a_trailing_newline_is_refused()
    {
        var v = new Validator();
        Assert.False(v.Email("email", "mario@example.com\n"));
    }

    [Fact]
    public void A_color_with_a_trailing_newline_is_refused()
    {
        var v = new Validator();
        Assert.False(v.Color("color", "#FFFFFF\n"));
    }

    [Fact]
    public void The_note_cap_applies_to_the_text_as_stored_after_redaction()
    {
        var text = string.Concat(Enumerable.Repeat("4111111111111111 ", 235)); // 3995 chars, 4465 once redacted
        Assert.True(text.Length <= CustomerNote.MaxLength);

        var error = Assert.Throws<DomainException>(() => CustomerNote.ValidText(text));

        Assert.Contains("text", error.Errors.Keys);
    }

    [Fact]
    public void An_upsell_listing_the_same_shipping_method_twice_is_refused()
    {
        var offer = new OfferRequest("o", new Dictionary<string, decimal> { ["USD"] = 1m }, new Dictionary<string, decimal> { ["USD"] = 1m }, null,
            [new UpsellRequest("u", "U", new Dictionary<string, decimal> { ["USD"] = 1m }, [1], ["std", "std"])],
            [new ShippingMethodRequest("std", "Std", new Dictionary<string, decimal> { ["USD"] = 1m })]);
        Assert.Throws<DomainException>(() => offer.Validated());
    }

    [Fact]
    public void A_time_zone_in_the_wrong_case_is_refused_even_after_the_right_spelling_was_loaded()
    {
        var v = new Validator();
        Assert.True(v.TimeZone("timeZone", "Europe/Rome"));
        Assert.False(v.TimeZone("timeZone", "europe/rome"));
    }
}
