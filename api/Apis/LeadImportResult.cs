namespace OrleansCrm.Api.Apis;

/// <summary>What a lead import did: how many leads were added, the rows refused with their errors, the rows already in the campaign.</summary>
public sealed record LeadImportResult(int Received, int Imported, IReadOnlyList<LeadRowError> Refused, IReadOnlyList<int> AlreadyInCampaign);
