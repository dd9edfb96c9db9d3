using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Contracts.Wire.Customers;

/// <summary>A <see cref="CustomerProfile"/> as it is stored and crosses a grain call. Never renumber an id; members stay nullable so an older record still loads.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.CustomerProfile.v1")]
public readonly record struct CustomerProfileSurrogate(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] PostalAddress? Address,
    [property: Id(4)] string? TimeZone,
    [property: Id(5)] string? PersonalManager);

/// <summary>Turns a <see cref="CustomerProfile"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CustomerProfileConverter : IConverter<CustomerProfile, CustomerProfileSurrogate>
{
    public CustomerProfile ConvertFromSurrogate(in CustomerProfileSurrogate s) => new(s.Name ?? "", s.Email, s.Phone ?? "", s.Address, s.TimeZone ?? "UTC", s.PersonalManager);

    public CustomerProfileSurrogate ConvertToSurrogate(in CustomerProfile p) => new(p.Name, p.Email, p.Phone, p.Address, p.TimeZone, p.PersonalManager);
}
