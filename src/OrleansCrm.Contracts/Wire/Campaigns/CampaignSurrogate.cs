using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Contracts.Wire.Campaigns;

/// <summary>A campaign's configuration (<see cref="Campaign"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Campaign.v1")]
public readonly record struct CampaignSurrogate(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? TimeZone,
    [property: Id(2)] CallingHours? CallingHours,
    [property: Id(3)] IReadOnlyList<Outcome>? Outcomes,
    [property: Id(4)] IReadOnlyList<WorkflowStep>? WorkflowSteps,
    [property: Id(5)] RetryPolicy? RetryPolicy,
    [property: Id(6)] int? AttemptCap,
    [property: Id(7)] IReadOnlyList<string>? PaymentProviders,
    [property: Id(8)] string? QuietHours,
    [property: Id(9)] WallboardThresholds? Wallboard);

/// <summary>Turns a <see cref="Campaign"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CampaignConverter : IConverter<Campaign, CampaignSurrogate>
{
    /// <summary>Every stored campaign was checked before it was stored; a member missing from an older shape takes the checked default.</summary>
    public Campaign ConvertFromSurrogate(in CampaignSurrogate s) => new(
        s.Name ?? "",
        s.TimeZone,
        s.CallingHours ?? CallingHours.Default,
        s.Outcomes ?? [],
        s.WorkflowSteps ?? [],
        s.RetryPolicy ?? RetryPolicy.Default,
        s.AttemptCap ?? Campaign.DefaultAttemptCap,
        s.PaymentProviders ?? [],
        s.QuietHours,
        s.Wallboard);

    public CampaignSurrogate ConvertToSurrogate(in Campaign m) => new(m.Name, m.TimeZone, m.CallingHours, WireLists.Of(m.Outcomes), WireLists.Of(m.WorkflowSteps), m.RetryPolicy, m.AttemptCap, WireLists.Of(m.PaymentProviders), m.QuietHours, m.Wallboard);
}
