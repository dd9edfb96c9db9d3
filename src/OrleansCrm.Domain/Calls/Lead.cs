namespace OrleansCrm.Domain.Calls;

/// <summary>One lead as a client sends it (a JSON body row or a CSV row); every field is optional at the type level.</summary>
public sealed record Lead(string? Id, string? Name, string? Phone, string? Email, string? TimeZone, string? CustomerId, string? OrderNumber);
