namespace OrleansCrm.Domain.Calls;

/// <summary>A customer a lead names, as the CRM knows them: the lead takes their name, phone, email and zone where the row gives none.</summary>
public sealed record KnownCustomer(string Id, string? Name, string? Phone, string? Email, string? TimeZone);
