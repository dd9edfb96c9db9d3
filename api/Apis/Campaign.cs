namespace OrleansCrm.Api.Apis;

/// <summary>
/// A campaign as the API reads and writes it: its name, where its clock runs, when it may call, its outcome catalog,
/// workflow steps, retry policy, attempt cap, payment providers and the quiet hours of its automated SMS. Checked here by the domain's own rule; the
/// campaign's grain stores it with its defaults, built-in outcomes and outcome step filled in.
/// </summary>
public sealed record Campaign(
    string? Name,
    string? TimeZone,
    CallingHours? CallingHours,
    IReadOnlyList<Outcome?>? Outcomes,
    IReadOnlyList<WorkflowStep>? WorkflowSteps,
    RetryPolicy? RetryPolicy,
    int? AttemptCap,
    IReadOnlyList<string>? PaymentProviders,
    string? QuietHours = null)
{
    public static Campaign From(Domain.Campaigns.Campaign campaign) => new(
        campaign.Name,
        campaign.TimeZone,
        campaign.CallingHours is null ? null : CallingHours.From(campaign.CallingHours),
        campaign.Outcomes is null ? null : Outcome.Of(campaign.Outcomes),
        campaign.WorkflowSteps?.Select(WorkflowStep.From).ToList(),
        campaign.RetryPolicy is null ? null : RetryPolicy.From(campaign.RetryPolicy),
        campaign.AttemptCap,
        campaign.PaymentProviders,
        campaign.QuietHours);

    /// <summary>
    /// The campaign for the domain, checked: a bad one throws the domain's validation problem (same fields, same
    /// messages). It goes as sent; the grain fills in the defaults (filling them twice would count built-in outcomes
    /// against the catalog's cap).
    /// </summary>
    public Domain.Campaigns.Campaign ToDomain()
    {
        var campaign = new Domain.Campaigns.Campaign(
            Name,
            TimeZone,
            CallingHours?.ToDomain(),
            Outcome.ToDomain(Outcomes),
            WorkflowSteps?.Select(s => s?.ToDomain()!).ToList(),
            RetryPolicy?.ToDomain(),
            AttemptCap,
            PaymentProviders,
            QuietHours);
        campaign.Validated();
        return campaign;
    }
}
