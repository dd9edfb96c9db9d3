using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("GBP", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("JOD", 3)]
    public void A_currency_has_its_ISO_4217_minor_units(string code, int minorUnits)
    {
        Assert.True(Currency.TryGet(code, out var currency));
        Assert.Equal(code, currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.Equal(minorUnits, Currency.Get(code).MinorUnits);
    }

    [Theory]
    [InlineData("XXX")]
    [InlineData("usd")]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("XAU")]
    public void An_unknown_currency_code_is_not_found(string code)
    {
        Assert.False(Currency.TryGet(code, out _));
        Assert.Throws<ArgumentException>(() => Currency.Get(code));
    }

    [Fact]
    public void A_null_currency_code_is_not_found()
    {
        Assert.False(Currency.TryGet(null!, out _));
    }

    [Theory]
    [InlineData("USD", "19.99", 1999)]
    [InlineData("USD", "0.01", 1)]
    [InlineData("USD", "20", 2000)]
    [InlineData("EUR", "49.95", 4995)]
    [InlineData("JPY", "1500", 1500)]
    [InlineData("BHD", "1.250", 1250)]
    [InlineData("KWD", "0.001", 1)]
    [InlineData("USD", "0", 0)]
    public void An_amount_converts_to_minor_units(string code, string amount, long minor)
    {
        var major = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(minor, Currency.Get(code).ToMinorUnits(major));
    }

    [Theory]
    [InlineData("USD", 1999, "19.99")]
    [InlineData("JPY", 1500, "1500")]
    [InlineData("BHD", 1250, "1.25")]
    [InlineData("KWD", 1, "0.001")]
    public void Minor_units_convert_back_to_the_amount(string code, long minor, string amount)
    {
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.Get(code).FromMinorUnits(minor));
    }

    [Theory]
    [InlineData("USD", "19.99")]
    [InlineData("USD", "999999999")]
    [InlineData("JPY", "5400")]
    [InlineData("BHD", "12.345")]
    [InlineData("KWD", "0.999")]
    [InlineData("EUR", "0")]
    public void An_amount_survives_the_round_trip_through_minor_units(string code, string amount)
    {
        var currency = Currency.Get(code);
        var major = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(major, currency.FromMinorUnits(currency.ToMinorUnits(major)));
    }

    [Theory]
    [InlineData("USD", 0L)]
    [InlineData("USD", 1L)]
    [InlineData("USD", 123456L)]
    [InlineData("JPY", 987654L)]
    [InlineData("BHD", 1001L)]
    [InlineData("KWD", 99_999_999_999L)]
    public void Minor_units_survive_the_round_trip_through_the_amount(string code, long minor)
    {
        var currency = Currency.Get(code);
        Assert.Equal(minor, currency.ToMinorUnits(currency.FromMinorUnits(minor)));
    }

    [Theory]
    [InlineData("USD", "19.99", true)]
    [InlineData("USD", "19.999", false)]
    [InlineData("USD", "19.990", true)]
    [InlineData("JPY", "1500", true)]
    [InlineData("JPY", "1500.1", false)]
    [InlineData("BHD", "1.234", true)]
    [InlineData("BHD", "1.2345", false)]
    public void An_amount_fits_a_currency_only_with_no_more_decimals_than_it_has(string code, string amount, bool fits)
    {
        Assert.Equal(fits, Currency.Get(code).HasValidPrecision(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("USD", "54.9", "54.90")]
    [InlineData("USD", "54.900", "54.90")]
    [InlineData("JPY", "6500.000", "6500")]
    [InlineData("BHD", "12.3", "12.300")]
    [InlineData("EUR", "0", "0.00")]
    public void An_amount_is_written_with_exactly_its_currency_s_minor_units(string code, string amount, string written)
    {
        var currency = Currency.Get(code);

        var exact = currency.Exactly(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(written, exact.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_amount_from_minor_units_has_its_currency_s_decimals()
    {
        Assert.Equal("54.90", Currency.Get("USD").FromMinorUnits(5490).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("6500", Currency.Get("JPY").FromMinorUnits(6500).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
