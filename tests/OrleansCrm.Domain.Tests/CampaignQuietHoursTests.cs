using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Domain.Tests;

/// <summary>A campaign's quiet hours for its automated SMS: HH:mm-HH:mm, or none of its own (the setting applies).</summary>
public sealed class CampaignQuietHoursTests
{
    private static CampaignRequest Minimal => new("Spring recall", "Europe/Rome", null, null, null, null, null, null);

    [Theory]
    [InlineData("21:00")]
    [InlineData("21-08")]
    [InlineData("25:00-08:00")]
    [InlineData("9:00-17:00")]
    [InlineData("")]
    public void A_campaigns_quiet_hours_that_are_not_two_times_of_day_HH_mm_HH_mm_are_refused_on_quietHours(string quietHours) =>
        Refusals.OnlyFor("quietHours", () => (Minimal with { QuietHours = quietHours }).Validated());

    [Fact]
    public void A_campaigns_quiet_hours_are_kept_and_read_as_times_of_day_and_a_campaign_without_them_has_none_of_its_own()
    {
        var campaign = (Minimal with { QuietHours = " 22:30-07:15 " }).Validated();

        Assert.Equal("22:30-07:15", campaign.QuietHours);
        Assert.Equal(new QuietHours(new TimeOnly(22, 30), new TimeOnly(7, 15)), campaign.SmsQuietHours());
        Assert.Null(Minimal.Validated().SmsQuietHours());
    }
}
