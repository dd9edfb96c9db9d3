using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Domain.Tests;

/// <summary>
/// A campaign with every field as a client may send it (the api's <c>Campaign</c> body has this shape);
/// <see cref="Validated"/> runs the domain's own check, as the api does.
/// </summary>
public sealed record CampaignRequest(
    string? Name,
    string? TimeZone,
    CallingHours? CallingHours,
    IReadOnlyList<Outcome?>? Outcomes,
    IReadOnlyList<WorkflowStep?>? WorkflowSteps,
    RetryPolicy? RetryPolicy,
    int? AttemptCap,
    IReadOnlyList<string?>? PaymentProviders,
    string? QuietHours = null)
{
    /// <summary>A stored campaign sent back as it reads.</summary>
    public static CampaignRequest Of(Campaign campaign) => new(
        campaign.Name, campaign.TimeZone, campaign.CallingHours, campaign.Outcomes, campaign.WorkflowSteps, campaign.RetryPolicy, campaign.AttemptCap, campaign.PaymentProviders, campaign.QuietHours);

    public Campaign Validated() => Campaign.Checked(Name, TimeZone, CallingHours, Outcomes, WorkflowSteps, RetryPolicy, AttemptCap, PaymentProviders, QuietHours);
}
