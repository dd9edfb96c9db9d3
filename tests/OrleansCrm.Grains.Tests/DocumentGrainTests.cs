using OrleansCrm.Contracts;
using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DocumentGrainTests(ClusterFixture fixture)
{
    /// <summary>Checked as the api checks a body: the grain stores what it is given.</summary>
    private static readonly Offer Cream = Offer.Checked(
        "Anti-age cream",
        new Dictionary<string, decimal> { ["USD"] = 49.95m },
        new Dictionary<string, decimal> { ["USD"] = 4.95m },
        null, null, null, prepaymentAllowed: false);

    [Fact]
    public async Task Putting_an_offer_creates_it_then_replaces_it_with_a_new_version()
    {
        var grain = fixture.Client.GetGrain<IOfferGrain>("offer-" + Guid.NewGuid());

        var first = await grain.PutAsync(Cream);
        var second = await grain.PutAsync(Cream with { Name = "Anti-age cream XL" });

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(2, second.Version);
        Assert.Equal("Anti-age cream XL", (await grain.GetAsync())!.Value.Name);
        Assert.Equal(15, second.Value.Trial!.TrialDays);
    }

    [Fact]
    public async Task An_invalid_offer_changes_nothing()
    {
        var grain = fixture.Client.GetGrain<IOfferGrain>("offer-" + Guid.NewGuid());
        await grain.PutAsync(Cream);

        // The check runs before the grain call (the api's edge), so an invalid offer never reaches the grain.
        await Assert.ThrowsAsync<DomainException>(() => grain.PutAsync(
            Offer.Checked(Cream.Name, new Dictionary<string, decimal> { ["USD"] = -1m }, Cream.ShippingAndHandling, null, null, null, prepaymentAllowed: false)));

        var stored = (await grain.GetAsync())!;
        Assert.Equal(1, stored.Version);
        Assert.Equal(49.95m, stored.Value.ProductPrice!["USD"]);
    }

    [Fact]
    public async Task A_campaign_is_stored_with_its_built_in_outcomes()
    {
        var grain = fixture.Client.GetGrain<ICampaignGrain>("campaign-" + Guid.NewGuid());

        // The api checks the body into the command (built-in outcomes merged in); the grain stores it as given.
        var stored = await grain.PutAsync(Campaign.Checked("Winter", "Europe/Rome", null, null, null, null, null, null));

        Assert.Equal(BuiltInOutcomes.All.Select(o => o.Code), stored.Value.Outcomes!.Select(o => o.Code));
    }
}
