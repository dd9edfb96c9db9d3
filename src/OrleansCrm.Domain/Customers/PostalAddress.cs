using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Customers;

/// <summary>A postal address; the country is an ISO 3166-1 alpha-2 code.</summary>
public sealed record PostalAddress(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country)
{
    internal void Validate(Validator v, string path)
    {
        v.Text($"{path}.line1", Line1, Validator.NameMaxLength, required: true);
        v.Text($"{path}.line2", Line2, Validator.NameMaxLength);
        v.Text($"{path}.city", City, 100, required: true);
        v.Text($"{path}.region", Region, 100);
        v.Text($"{path}.postalCode", PostalCode, 20);
        if (v.Required($"{path}.country", Country) && !Countries.IsAlpha2(Country!))
        {
            v.Add($"{path}.country", "must be an ISO 3166-1 alpha-2 country code (e.g. IT, US).");
        }
    }
}
