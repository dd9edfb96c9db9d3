namespace OrleansCrm.Api.Apis;

/// <summary>One lead of a JSON import body (OpenAPI schema <c>Lead</c>, as before); every field is optional here, the import's rule checks each row.</summary>
public sealed record Lead(string? Id, string? Name, string? Phone, string? Email, string? TimeZone, string? CustomerId, string? OrderNumber)
{
    public Domain.Calls.Lead ToDomain() => new(Id, Name, Phone, Email, TimeZone, CustomerId, OrderNumber);
}
