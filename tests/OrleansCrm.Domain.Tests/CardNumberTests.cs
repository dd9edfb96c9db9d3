using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

public sealed class CardNumberTests
{
    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("5555-5555-5555-4444")]
    [InlineData("378282246310005")]
    [InlineData("3782 822463 10005")]
    [InlineData("4222222222222")]
    [InlineData("6011111111111117")]
    [InlineData("  4111 1111 1111 1111  ")]
    public void A_Luhn_valid_number_of_13_to_19_digits_is_a_card_number(string value)
    {
        Assert.True(CardNumbers.LooksLikePan(value));
        Assert.True(CardNumbers.ContainsPan(value));
    }

    [Theory]
    [InlineData("4111111111111112")]
    [InlineData("4111 1111 1111 1110")]
    [InlineData("5555-5555-5555-4445")]
    [InlineData("378282246310006")]
    public void A_Luhn_invalid_number_is_not_a_card_number(string value)
    {
        Assert.False(CardNumbers.LooksLikePan(value));
        Assert.False(CardNumbers.ContainsPan(value));
    }

    [Theory]
    [InlineData("4111111111111")] // 13 digits, but Luhn-invalid
    [InlineData("424242424242")] // 12 digits
    [InlineData("0000000000")] // 10 digits, Luhn sum 0
    [InlineData("00000000000000000000")] // 20 digits, Luhn sum 0
    public void A_number_too_short_or_too_long_or_failing_Luhn_is_not_a_card_number(string value)
    {
        Assert.False(CardNumbers.LooksLikePan(value));
        Assert.False(CardNumbers.ContainsPan(value));
    }

    [Fact]
    public void Twelve_digits_passing_Luhn_are_too_short_for_a_card_number()
    {
        // 000000000000 passes Luhn (sum 0) but has only 12 digits.
        Assert.False(CardNumbers.LooksLikePan("000000000000"));
        Assert.True(CardNumbers.LooksLikePan("0000000000000"));
    }

    [Theory]
    [InlineData("4111  1111 1111 1111")]
    [InlineData("4111--1111-1111-1111")]
    [InlineData("4111.1111.1111.1111")]
    [InlineData("4111/1111/1111/1111")]
    [InlineData("4111_1111_1111_1111")]
    [InlineData("4111\t1111\t1111\t1111")]
    [InlineData("4111\u00A01111\u00A01111\u00A01111")]
    [InlineData("4111\u202F1111\u20091111\u30001111")]
    [InlineData("4111 - 1111 - 1111 - 1111")]
    [InlineData("\uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11")]
    [InlineData("\u0664\u0661\u0661\u0661 1111 1111 1111")]
    [InlineData("4111\u20131111\u20131111\u20131111")]
    public void A_card_number_is_found_whatever_separators_or_unicode_digits_it_is_written_with(string value)
    {
        Assert.True(CardNumbers.LooksLikePan(value));
        Assert.Equal("XXXX XXXX XXXX 1111", CardNumbers.Redact(value));
    }

    [Fact]
    public void Groups_farther_apart_than_three_separators_are_not_one_card_number()
    {
        Assert.False(CardNumbers.ContainsPan("4111    1111    1111    1111"));
    }

    [Theory]
    [InlineData("+4111111111111111")]
    [InlineData("call +378282246310005 now")]
    public void Digits_after_a_plus_are_a_phone_number_not_a_card_number(string value)
    {
        Assert.False(CardNumbers.ContainsPan(value));
    }

    [Theory]
    [InlineData("4521799645221051@example.com")]
    [InlineData("offer-4111-1111-1111-1111")]
    [InlineData("100223:refund:4383329094419068:sbx_ch_1")]
    public void A_card_number_inside_an_email_id_or_key_is_found(string value)
    {
        Assert.True(CardNumbers.ContainsPan(value));
        Assert.False(CardNumbers.ContainsPan(CardNumbers.Redact(value)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("card 4111 1111 1111 1111")]
    [InlineData("4111 1111 1111 1111 exp 12/29")]
    public void Only_a_value_that_is_nothing_but_a_card_number_looks_like_one(string? value)
    {
        Assert.False(CardNumbers.LooksLikePan(value));
    }

    [Fact]
    public void A_card_number_hidden_in_free_text_is_found()
    {
        Assert.True(CardNumbers.ContainsPan("The customer read out 4111 1111 1111 1111, exp 12/29."));
        Assert.False(CardNumbers.ContainsPan(null));
        Assert.False(CardNumbers.ContainsPan("Order 123456789, phone +390612345678."));
    }

    [Theory]
    [InlineData("4111 1111 1111 1111", "XXXX XXXX XXXX 1111")]
    [InlineData("4111111111111111", "XXXX XXXX XXXX 1111")]
    [InlineData("5555-5555-5555-4444", "XXXX XXXX XXXX 4444")]
    [InlineData("378282246310005", "XXXX XXXX XXXX 0005")]
    public void Redacting_keeps_only_the_last_four_digits_of_a_card_number(string pan, string redacted)
    {
        Assert.Equal(redacted, CardNumbers.Redact(pan));
    }

    [Fact]
    public void Redacting_cuts_every_card_number_in_a_text_and_keeps_the_rest()
    {
        var text = "Paid with 4111 1111 1111 1111, then tried 5555-5555-5555-4444.";
        Assert.Equal("Paid with XXXX XXXX XXXX 1111, then tried XXXX XXXX XXXX 4444.", CardNumbers.Redact(text));
    }

    [Fact]
    public void Redacted_text_holds_no_card_number_any_more()
    {
        var redacted = CardNumbers.Redact("card 378282246310005 and 4111111111111111");
        Assert.False(CardNumbers.ContainsPan(redacted));
        Assert.DoesNotContain("3782822463", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("41111111", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Call back on +390612345678 tomorrow.")]
    [InlineData("Call back on +39 06 1234 5678 tomorrow.")]
    [InlineData("Order 123456789 shipped.")]
    [InlineData("Tracking 1Z999AA10123456784.")]
    [InlineData("Invoice 2026-000123 paid on 2026-03-01.")]
    [InlineData("Card 4111 1111 1111 1112 was refused (mistyped).")]
    [InlineData("No digits at all.")]
    public void Redacting_leaves_phone_numbers_order_numbers_and_other_digits_alone(string text)
    {
        Assert.Equal(text, CardNumbers.Redact(text));
    }

    [Fact]
    public void Digits_glued_to_a_card_number_make_it_a_different_number()
    {
        // 17 digits in a row are not the 16-digit card followed by a digit.
        Assert.False(CardNumbers.LooksLikePan("41111111111111111"));
    }

    [Theory]
    [InlineData("bk-agent-1-202612051400-1")]
    [InlineData("bk-dora-202603051400-12")]
    [InlineData("cus_4111111111111111ab")]
    [InlineData("sbx_ch_ab4111111111111111cd")]
    [InlineData("4111111111111111abcdef0123456789@example.it")]
    public void Hex_identifiers_and_timestamps_in_ids_are_not_card_numbers(string id)
    {
        Assert.False(CardNumbers.ContainsPan(id));
    }

    [Theory]
    [InlineData("card4111111111111111")]
    [InlineData("x4111 1111 1111 1111")]
    public void A_card_number_glued_to_a_word_is_still_found(string text)
    {
        Assert.True(CardNumbers.ContainsPan(text));
    }
}
