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
