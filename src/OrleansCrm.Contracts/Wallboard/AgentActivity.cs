namespace OrleansCrm.Contracts.Wallboard;

/// <summary>Every agent's call now (or last call), at <see cref="Version"/>, and the campaigns whose calls changed at which version.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.AgentActivity")]
public sealed record AgentActivity(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<AgentNow> Agents,
    [property: Id(2)] IReadOnlyDictionary<string, long> CampaignVersions);
