using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Customers;

/// <summary>
/// Who the customer is and where: the data an agent needs on the call and the clock the customer lives by. A name, an
/// E.164 phone and an IANA time zone always; the email, the address and the personal manager when given. Built by
/// <see cref="Checked"/> from what a client sent (the api's body).
/// </summary>
public sealed record CustomerProfile(
    string Name,
    string? Email,
    string Phone,
    PostalAddress? Address,
    string TimeZone,
    string? PersonalManager)
{
    /// <summary>
    /// Checks a profile as sent and returns it as stored: the name trimmed, the email trimmed, free text free of card
    /// numbers; or throws the validation problem (every field at once).
    /// </summary>
    public static CustomerProfile Checked(
        string? name, string? email, string? phone, ISentPostalAddress? address, string? timeZone, string? personalManager)
    {
        var v = new Validator();
        v.Text("name", name, Validator.NameMaxLength, required: true);
        v.Email("email", email);
        v.Phone("phone", phone);
        v.TimeZone("timeZone", timeZone);
        v.Id("personalManager", personalManager, required: false);
        var postal = address is null ? null : PostalAddress.Checked(v, "address", address);
        v.ThrowIfInvalid();
        return new CustomerProfile(
            CardNumbers.Redact(Validator.Present(name).Trim()), email?.Trim(), Validator.Present(phone), postal, Validator.Present(timeZone), personalManager);
    }
}
