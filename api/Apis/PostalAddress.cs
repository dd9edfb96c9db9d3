namespace OrleansCrm.Api.Apis;

/// <summary>A postal address as the API reads and shows it (OpenAPI schema <c>PostalAddress</c>); the country is an ISO 3166-1 alpha-2 code.</summary>
public sealed record PostalAddress(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country)
    : Domain.Customers.ISentPostalAddress
{
    public static PostalAddress From(Domain.Customers.PostalAddress a) => new(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country);
}
