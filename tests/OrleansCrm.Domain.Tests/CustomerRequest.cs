using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Domain.Tests;

/// <summary>
/// A customer's profile with every field as a client may send it (the api's <c>CustomerProfile</c> body has this shape);
/// <see cref="Validated"/> runs the domain's own check, as the api does.
/// </summary>
public sealed record CustomerRequest(
    string? Name,
    string? Email,
    string? Phone,
    AddressRequest? Address,
    string? TimeZone,
    string? PersonalManager)
{
    /// <summary>A stored profile sent back as it reads.</summary>
    public static CustomerRequest Of(CustomerProfile p) => new(
        p.Name,
        p.Email,
        p.Phone,
        p.Address is { } a ? new AddressRequest(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country) : null,
        p.TimeZone,
        p.PersonalManager);

    public CustomerProfile Validated() => CustomerProfile.Checked(Name, Email, Phone, Address, TimeZone, PersonalManager);
}
