namespace OrleansCrm.Domain.Calls;

/// <summary>The checked import: the leads to import (normalized, each with its id) and the rows refused.</summary>
public sealed record CheckedLeads(IReadOnlyList<Lead> Accepted, IReadOnlyList<LeadRowError> Refused);
