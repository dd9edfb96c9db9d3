namespace OrleansCrm.Api.Apis;

/// <summary>
/// When a campaign's wallboard tile turns amber or red (OpenAPI schema <c>WallboardThresholds</c>): contacts due now at
/// or above <c>dueAmber</c>/<c>dueRed</c> while none of the campaign's agents is idle, or the last hour's contact rate
/// (percent) below <c>contactRateAmber</c>/<c>contactRateRed</c> once that hour has <c>minCalls</c> calls. Left out: 1, 50, 30, 15, 20.
/// </summary>
public sealed record WallboardThresholds(int? DueAmber = null, int? DueRed = null, int? ContactRateAmber = null, int? ContactRateRed = null, int? MinCalls = null)
{
    public static WallboardThresholds From(Domain.Campaigns.WallboardThresholds t) => new(t.DueAmber, t.DueRed, t.ContactRateAmber, t.ContactRateRed, t.MinCalls);

    public Domain.Campaigns.WallboardThresholds ToDomain() => new(DueAmber, DueRed, ContactRateAmber, ContactRateRed, MinCalls);
}
