namespace OrleansCrm.Grains.Calls;

/// <summary>The agents that hold bookings of one campaign.</summary>
[GenerateSerializer, Alias("OrleansCrm.CampaignAgendasState")]
public sealed class CampaignAgendasState
{
    [Id(0)]
    public HashSet<string> Agents { get; set; } = new(StringComparer.Ordinal);
}
