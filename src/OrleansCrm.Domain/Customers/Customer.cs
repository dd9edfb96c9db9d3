using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Customers;

/// <summary>Who the customer is and where: the data an agent needs on the call and the clock the customer lives by.</summary>
public sealed record CustomerProfile(
    string? Name,
    string? Email,
    string? Phone,
    PostalAddress? Address,
    string? TimeZone,
    string? PersonalManager)
{
    public CustomerProfile Validated()
    {
        var v = new Validator();
        v.Text("name", Name, Validator.NameMaxLength, required: true);
        v.Email("email", Email);
        v.Phone("phone", Phone);
        v.TimeZone("timeZone", TimeZone);
        v.Id("personalManager", PersonalManager, required: false);
        Address?.Validate(v, "address");
        v.ThrowIfInvalid();
        var address = Address is null ? null : Address with
        {
            Line1 = CardNumbers.Redact(Address.Line1!),
            Line2 = Address.Line2 is null ? null : CardNumbers.Redact(Address.Line2),
        };
        return this with { Name = CardNumbers.Redact(Name!.Trim()), Email = Email?.Trim(), Address = address };
    }
}

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

/// <summary>A note about the customer: it shows on every order of the customer and can be deleted.</summary>
public sealed record CustomerNote(string Id, string Text, string Author, DateTimeOffset CreatedAt)
{
    public const int MaxLength = Validator.TextMaxLength;

    /// <summary>Checks the note text and returns it as it may be stored: card numbers redacted.</summary>
    public static string ValidText(string? text)
    {
        // Redact first: the cap applies to what is stored, and redaction makes a number longer.
        var stored = text is null ? null : CardNumbers.Redact(text.Trim());
        var v = new Validator();
        v.Text("text", stored, MaxLength, required: true);
        v.ThrowIfInvalid();
        return stored!;
    }
}

/// <summary>The whole customer as its grain keeps it.</summary>
public sealed record Customer(
    string Id,
    CustomerProfile Profile,
    IReadOnlyList<CustomerNote> Notes,
    bool AutoPaymentsEnabled,
    IReadOnlyList<string> OrderNumbers,
    IReadOnlyList<string> CallIds,
    DateTimeOffset CreatedAt,
    long Version);
