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
    /// <summary>The profile for the domain, checked by the domain's own rule (same fields, same messages); the customer's grain stores it as given.</summary>
    public Domain.Customers.CustomerProfile ToCommand() => Domain.Customers.CustomerProfile.Checked(Name, Email, Phone, Address, TimeZone, PersonalManager);
}
