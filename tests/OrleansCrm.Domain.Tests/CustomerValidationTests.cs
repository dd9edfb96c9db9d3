using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Domain.Tests;

public sealed class CustomerValidationTests
{
    private static AddressRequest Address => new("Via Roma 1", "Scala B", "Roma", "RM", "00184", "IT");

    private static CustomerRequest Profile => new("Mario Rossi", "mario.rossi@example.com", "+390612345678", Address, "Europe/Rome", "agent-007");

    private static void RefusedOnlyFor(string field, CustomerRequest profile) => Refusals.OnlyFor(field, () => profile.Validated());

    // ---- profile ----

    [Fact]
    public void A_valid_profile_passes_unchanged()
    {
        Assert.Equal(Profile, CustomerRequest.Of(Profile.Validated()));
    }

    [Fact]
    public void A_profile_with_only_a_name_a_phone_and_a_time_zone_passes()
    {
        var minimal = new CustomerRequest("Mario", null, "+390612345678", null, "Europe/Rome", null);
        Assert.Equal(minimal, CustomerRequest.Of(minimal.Validated()));
    }

    [Fact]
    public void The_customer_name_is_stored_trimmed()
    {
        var validated = (Profile with { Name = "  Mario Rossi  " }).Validated();
        Assert.Equal("Mario Rossi", validated.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_customer_without_a_name_is_refused(string? name)
    {
        RefusedOnlyFor("name", Profile with { Name = name });
    }

    [Fact]
    public void A_customer_name_longer_than_200_characters_is_refused()
    {
        RefusedOnlyFor("name", Profile with { Name = new string('m', 201) });
    }

    [Theory]
    [InlineData("mario")]
    [InlineData("mario@example")]
    [InlineData(" mario@example.com")]
    [InlineData("")]
    public void A_customer_email_that_is_not_an_email_address_is_refused(string email)
    {
        RefusedOnlyFor("email", Profile with { Email = email });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0612345678")]
    [InlineData("+39 06 1234 5678")]
    [InlineData("+0612345678")]
    public void A_customer_phone_that_is_not_E164_is_refused(string? phone)
    {
        RefusedOnlyFor("phone", Profile with { Phone = phone });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Mars/Base")]
    [InlineData("+02:00")]
    [InlineData("W. Europe Standard Time")]
    public void A_customer_time_zone_that_is_not_IANA_is_refused(string? zone)
    {
        RefusedOnlyFor("timeZone", Profile with { TimeZone = zone });
    }

    [Theory]
    [InlineData("agent 7")]
    [InlineData("agent/7")]
    [InlineData("")]
    public void A_personal_manager_id_with_bad_characters_is_refused(string manager)
    {
        RefusedOnlyFor("personalManager", Profile with { PersonalManager = manager });
    }

    [Fact]
    public void A_personal_manager_id_longer_than_64_characters_is_refused()
    {
        RefusedOnlyFor("personalManager", Profile with { PersonalManager = new string('a', 65) });
    }

    [Fact]
    public void A_customer_may_have_no_personal_manager()
    {
        (Profile with { PersonalManager = null }).Validated();
    }

    // ---- address ----

    [Theory]
    [InlineData("IT")]
    [InlineData("US")]
    public void An_address_in_an_ISO_3166_alpha_2_country_passes(string country)
    {
        (Profile with { Address = Address with { Country = country } }).Validated();
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("it")]
    [InlineData("ITA")]
    [InlineData("Italy")]
    [InlineData(null)]
    [InlineData("")]
    public void An_address_country_that_is_not_an_upper_case_alpha_2_code_is_refused(string? country)
    {
        RefusedOnlyFor("address.country", Profile with { Address = Address with { Country = country } });
    }

    [Fact]
    public void An_address_needs_a_first_line_and_a_city()
    {
        Assert.Equal(
            new[] { "address.city", "address.line1" },
            Refusals.FieldsOf(() => (Profile with { Address = Address with { Line1 = " ", City = null } }).Validated()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_optional_address_lines_may_be_left_out()
    {
        (Profile with { Address = Address with { Line2 = null, Region = null, PostalCode = null } }).Validated();
    }

    [Theory]
    [InlineData("line1", 201)]
    [InlineData("line2", 201)]
    [InlineData("city", 101)]
    [InlineData("region", 101)]
    [InlineData("postalCode", 21)]
    public void An_address_field_longer_than_its_cap_is_refused(string field, int length)
    {
        var text = new string('a', length);
        var address = field switch
        {
            "line1" => Address with { Line1 = text },
            "line2" => Address with { Line2 = text },
            "city" => Address with { City = text },
            "region" => Address with { Region = text },
            _ => Address with { PostalCode = text },
        };

        RefusedOnlyFor($"address.{field}", Profile with { Address = address });
    }

    [Fact]
    public void Every_error_of_a_profile_is_reported_at_once()
    {
        var profile = new CustomerRequest("", "nope", "123", Address with { Country = "XX" }, "Mars/Base", "bad id");

        Assert.Equal(
            new[] { "address.country", "email", "name", "personalManager", "phone", "timeZone" },
            Refusals.FieldsOf(() => profile.Validated()).Order(StringComparer.Ordinal));
    }

    // ---- notes ----

    [Fact]
    public void A_note_text_is_stored_trimmed()
    {
        Assert.Equal("Prefers calls after 18:00.", CustomerNote.ValidText("  Prefers calls after 18:00.  "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_note_without_text_is_refused(string? text)
    {
        Refusals.OnlyFor("text", () => CustomerNote.ValidText(text));
    }

    [Fact]
    public void A_note_of_4000_characters_passes()
    {
        Assert.Equal(4000, CustomerNote.MaxLength);
        Assert.Equal(4000, CustomerNote.ValidText(new string('n', 4000)).Length);
    }

    [Fact]
    public void A_note_longer_than_4000_characters_is_refused()
    {
        Refusals.OnlyFor("text", () => CustomerNote.ValidText(new string('n', 4001)));
    }

    [Fact]
    public void A_card_number_in_a_note_is_redacted_to_its_last_four_digits()
    {
        Assert.Equal(
            "Customer read out XXXX XXXX XXXX 1111 to pay.",
            CustomerNote.ValidText("Customer read out 4111 1111 1111 1111 to pay."));
    }

    [Fact]
    public void Every_card_number_in_a_note_is_redacted()
    {
        var text = CustomerNote.ValidText("Tried 5555-5555-5555-4444, then 378282246310005.");

        Assert.Equal("Tried XXXX XXXX XXXX 4444, then XXXX XXXX XXXX 0005.", text);
    }

    [Fact]
    public void Phone_and_order_numbers_in_a_note_are_kept()
    {
        const string text = "Call back on +390612345678 about order 123456789.";
        Assert.Equal(text, CustomerNote.ValidText(text));
    }
}
