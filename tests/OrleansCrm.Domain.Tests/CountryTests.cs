using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

public sealed class CountryTests
{
    [Theory]
    [InlineData("IT")]
    [InlineData("US")]
    [InlineData("DE")]
    [InlineData("JP")]
    [InlineData("GB")]
    public void An_ISO_3166_alpha_2_code_is_a_country(string code)
    {
        Assert.True(Countries.IsAlpha2(code));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("ZZ")]
    [InlineData("it")]
    [InlineData("It")]
    [InlineData("ITA")]
    [InlineData("USA")]
    [InlineData("I")]
    [InlineData("")]
    [InlineData("1T")]
    [InlineData("EU")]
    [InlineData("UK")]
    public void Anything_but_an_upper_case_ISO_3166_alpha_2_code_is_refused(string code)
    {
        Assert.False(Countries.IsAlpha2(code));
    }
}
