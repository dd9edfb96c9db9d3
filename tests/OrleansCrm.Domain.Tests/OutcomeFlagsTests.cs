using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Domain.Tests;

/// <summary>The wallboard's outcome flags: humanContact (the call reached a person) and sale, with their defaults.</summary>
public sealed class OutcomeFlagsTests
{
    [Theory]
    [InlineData("completed", true)]
    [InlineData("callback", true)]
    [InlineData("already-paid", true)]
    [InlineData("refusal", true)]
    [InlineData("no-contact", false)]
    [InlineData("invalid-contact", false)]
    public void A_built_in_outcome_reached_a_person_or_not_by_its_own_default_and_is_never_a_sale(string code, bool humanContact)
    {
        var campaign = Campaign.Checked("C", "UTC", null, null, null, null, null, null);
        var outcome = campaign.Outcomes.Single(o => o.Code == code);

        Assert.Equal<(bool?, bool?)>((humanContact, false), (outcome.HumanContact, outcome.Sale));
    }

    [Theory]
    [InlineData(OutcomeType.C, true, true)]
    [InlineData(OutcomeType.T, true, true)]
    [InlineData(OutcomeType.N, true, false)]
    [InlineData(OutcomeType.R, false, false)]
    public void A_custom_outcome_without_flags_takes_them_from_its_type(OutcomeType type, bool humanContact, bool sale)
    {
        var campaign = Campaign.Checked("C", "UTC", null, [new Outcome("mine", "Mine", type, "#123456")], null, null, null, null);
        var outcome = campaign.Outcomes.Single(o => o.Code == "mine");

        Assert.Equal<(bool?, bool?)>((humanContact, sale), (outcome.HumanContact, outcome.Sale));
    }

    [Fact]
    public void Flags_a_campaign_sets_win_over_the_defaults_also_on_a_built_in_outcome()
    {
        var campaign = Campaign.Checked("C", "UTC", null, [new Outcome("refusal", "No", OutcomeType.N, "#C62828", HumanContact: false), new Outcome("busy", "Busy", OutcomeType.R, "#FFB300", HumanContact: true, Sale: true)], null, null, null, null);

        Assert.False(campaign.Outcomes.Single(o => o.Code == "refusal").HumanContact);
        var busy = campaign.Outcomes.Single(o => o.Code == "busy");
        Assert.Equal<(bool?, bool?)>((true, true), (busy.HumanContact, busy.Sale));
    }

    [Fact]
    public void An_outcome_stored_before_the_flags_existed_counts_with_the_defaults()
    {
        var stored = new Outcome("refusal", "Refusal", OutcomeType.N, "#C62828", Quick: true, BuiltIn: true);
        var custom = new Outcome("voicemail", "Voicemail", OutcomeType.R, "#9E9E9E");

        Assert.Equal((true, false), (stored.CountsAsHumanContact, stored.CountsAsSale));
        Assert.Equal((false, false), (custom.CountsAsHumanContact, custom.CountsAsSale));
    }

    [Fact]
    public void Wallboard_thresholds_refuse_a_red_that_is_better_than_amber()
    {
        var refused = Assert.Throws<Common.DomainException>(() =>
            Campaign.Checked("C", "UTC", null, null, null, null, null, null, wallboard: new WallboardThresholds(DueAmber: 10, DueRed: 5, ContactRateAmber: 20, ContactRateRed: 50)));

        Assert.Contains("wallboard.dueRed", refused.Errors.Keys);
        Assert.Contains("wallboard.contactRateRed", refused.Errors.Keys);
    }
}
