namespace OrleansCrm.Contracts;

/// <summary>The result of a lead import into the dialer: how many were added, and the rows already in the campaign.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.ImportedLeads")]
public sealed record ImportedLeads([property: Id(0)] int Imported, [property: Id(1)] IReadOnlyList<int> AlreadyInCampaign);
