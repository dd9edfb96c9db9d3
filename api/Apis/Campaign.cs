namespace OrleansCrm.Api.Apis;

/// <summary>
/// A campaign as the API reads and writes it: its name, where its clock runs, when it may call, its outcome catalog,
/// workflow steps, retry policy, attempt cap, payment providers, the quiet hours of its automated SMS and its wallboard thresholds. Checked here by the domain's own rule; the
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
    string? QuietHours = null,
    WallboardThresholds? Wallboard = null)
{
    public static Campaign From(Domain.Campaigns.Campaign campaign) => new(
        campaign.Name,
        campaign.TimeZone,
        CallingHours.From(campaign.CallingHours),
        Outcome.Of(campaign.Outcomes),
        campaign.WorkflowSteps.Select(WorkflowStep.From).ToList(),
        RetryPolicy.From(campaign.RetryPolicy),
        campaign.AttemptCap,
        campaign.PaymentProviders,
        campaign.QuietHours,
        WallboardThresholds.From(campaign.WallboardThresholds()));

    /// <summary>
    /// The campaign for the domain, checked by the domain's own rule (same fields, same messages): defaults, built-in
    /// outcomes and the outcome step filled in. The campaign's grain stores it as given.
    /// </summary>
    public Domain.Campaigns.Campaign ToCommand() => Domain.Campaigns.Campaign.Checked(
        Name,
        TimeZone,
        CallingHours?.ToDomain(),
        Outcome.ToDomain(Outcomes),
        WorkflowSteps?.Select(s => s?.ToDomain()).ToList(),
        RetryPolicy?.ToDomain(),
        AttemptCap,
        PaymentProviders,
        QuietHours,
        Wallboard?.ToDomain());
}
