namespace OrleansCrm.Api.Apis;

/// <summary>
/// The body of <c>POST /api/v1/customers</c> (OpenAPI schema <c>CustomerProfile</c>, as before): every field as the
/// client may send it; the domain's rules check it (name required, E.164 phone, IANA time zone, ISO country).
/// </summary>
public sealed record CustomerProfile(
    string? Name,
    string? Email,
    string? Phone,
    PostalAddress? Address,
    string? TimeZone,
    string? PersonalManager)
{
    public Domain.Customers.CustomerProfile ToDomain() => new(Name, Email, Phone, Address?.ToDomain(), TimeZone, PersonalManager);
}
