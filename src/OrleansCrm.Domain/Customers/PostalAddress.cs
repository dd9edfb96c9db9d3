using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Customers;

/// <summary>A postal address: a first line, a city and a country (ISO 3166-1 alpha-2) always, the rest when given.</summary>
public sealed record PostalAddress(string Line1, string? Line2, string City, string? Region, string? PostalCode, string Country)
{
    /// <summary>Checks an address as sent; the address (its lines free of card numbers) when nothing it needs is missing (the caller throws on any refusal).</summary>
    internal static PostalAddress? Checked(Validator v, string path, ISentPostalAddress sent)
    {
        v.Text($"{path}.line1", sent.Line1, Validator.NameMaxLength, required: true);
        v.Text($"{path}.line2", sent.Line2, Validator.NameMaxLength);
        v.Text($"{path}.city", sent.City, 100, required: true);
        v.Text($"{path}.region", sent.Region, 100);
        v.Text($"{path}.postalCode", sent.PostalCode, 20);
        var country = sent.Country;
        if (v.Required($"{path}.country", country) && !Countries.IsAlpha2(country))
        {
            v.Add($"{path}.country", "must be an ISO 3166-1 alpha-2 country code (e.g. IT, US).");
        }

        return sent is { Line1: { } line1, City: { } city } && country is not null
            ? new PostalAddress(CardNumbers.Redact(line1), sent.Line2 is null ? null : CardNumbers.Redact(sent.Line2), city, sent.Region, sent.PostalCode, country)
            : null;
    }
}
