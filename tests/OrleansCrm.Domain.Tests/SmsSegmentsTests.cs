using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Domain.Tests;

public sealed class SmsSegmentsTests
{
    [Fact]
    public void An_empty_text_is_GSM7_with_no_segment()
    {
        var count = SmsSegments.Count("");
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 0, 0, null, -1), count);
    }

    [Fact]
    public void One_hundred_sixty_GSM7_characters_are_one_segment_and_161_are_two()
    {
        Assert.Equal(1, SmsSegments.Count(new string('a', 160)).Segments);
        var two = SmsSegments.Count(new string('a', 161));
        Assert.Equal(SmsEncoding.Gsm7, two.Encoding);
        Assert.Equal(161, two.Units);
        Assert.Equal(2, two.Segments);
    }

    [Theory]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void A_concatenated_GSM7_message_has_153_septets_a_part(int length, int segments)
    {
        Assert.Equal(segments, SmsSegments.Count(new string('x', length)).Segments);
    }

    [Fact]
    public void The_euro_sign_and_the_extension_table_count_two_septets_and_stay_GSM7()
    {
        var count = SmsSegments.Count("€^{}[]~|\\");
        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
        Assert.Equal(18, count.Units);
        Assert.Null(count.ForcedUcs2By);
    }

    [Fact]
    public void Eighty_euro_signs_fill_exactly_one_segment_and_one_more_needs_two()
    {
        Assert.Equal(1, SmsSegments.Count(new string('€', 80)).Segments);
        Assert.Equal(2, SmsSegments.Count(new string('€', 81)).Segments);
    }

    [Fact]
    public void An_escape_and_its_character_are_not_split_across_two_parts()
    {
        // 152 septets then '€' (2): the first part cannot end on the escape, so the euro moves to part two.
        var text = new string('a', 152) + "€" + new string('a', 10);
        var count = SmsSegments.Count(text);
        Assert.Equal(164, count.Units);
        Assert.Equal(2, count.Segments);
        Assert.Equal(3, SmsSegments.Count(new string('a', 152) + "€" + new string('a', 153)).Segments);
    }

    [Fact]
    public void A_curly_quote_forces_UCS2_and_is_named()
    {
        var count = SmsSegments.Count("Hello, it’s Anna from the shop");
        Assert.Equal(SmsEncoding.Ucs2, count.Encoding);
        Assert.Equal("’", count.ForcedUcs2By);
        Assert.Equal(9, count.ForcedUcs2At);
        Assert.Equal(1, count.Segments);
        Assert.Equal("’ (U+2019)", SmsSegments.Describe(count.ForcedUcs2By!));
    }

    [Fact]
    public void One_curly_quote_doubles_the_cost_of_a_message()
    {
        var plain = new string('a', 100) + "'";
        var curly = new string('a', 100) + "’";
        Assert.Equal(1, SmsSegments.Count(plain).Segments);
        Assert.Equal(2, SmsSegments.Count(curly).Segments);
    }

    [Fact]
    public void Seventy_UCS2_units_are_one_segment_and_71_are_two_of_67()
    {
        Assert.Equal(1, SmsSegments.Count(new string('ж', 70)).Segments);
        Assert.Equal(2, SmsSegments.Count(new string('ж', 71)).Segments);
        Assert.Equal(2, SmsSegments.Count(new string('ж', 134)).Segments);
        Assert.Equal(3, SmsSegments.Count(new string('ж', 135)).Segments);
    }

    [Fact]
    public void UCS2_counts_UTF16_code_units_so_an_emoji_counts_two()
    {
        var count = SmsSegments.Count("Hi 😀");
        Assert.Equal(SmsEncoding.Ucs2, count.Encoding);
        Assert.Equal(5, count.Units);
        Assert.Equal("😀", count.ForcedUcs2By);
        Assert.Equal("😀 (U+1F600)", SmsSegments.Describe(count.ForcedUcs2By!));
    }

    [Fact]
    public void A_surrogate_pair_is_not_split_across_two_parts()
    {
        // 134 units are 2 parts of 67, but the emoji would straddle the first boundary: it moves whole to part two, so 3.
        var boundary = new string('ж', 66) + "😀" + new string('ж', 66);
        Assert.Equal(134, boundary.Length);
        Assert.Equal(3, SmsSegments.Count(boundary).Segments);
    }

    [Theory]
    [InlineData("Grüße aus München", SmsEncoding.Gsm7)]
    [InlineData("Ça coûte 10 €", SmsEncoding.Ucs2)]
    [InlineData("Ihr Termin: 12.03. um 10:00 Uhr", SmsEncoding.Gsm7)]
    [InlineData("Ελληνικά", SmsEncoding.Ucs2)]
    [InlineData("ΔΦΓΛΩΠΨΣΘΞ", SmsEncoding.Gsm7)]
    public void The_encoding_follows_the_GSM_default_alphabet(string text, SmsEncoding encoding)
    {
        Assert.Equal(encoding, SmsSegments.Count(text).Encoding);
    }
}
