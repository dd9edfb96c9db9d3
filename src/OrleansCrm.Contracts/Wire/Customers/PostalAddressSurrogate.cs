using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Contracts.Wire.Customers;

/// <summary>A <see cref="PostalAddress"/> as it is stored and crosses a grain call. Never renumber an id; members stay nullable so an older record still loads.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.PostalAddress.v1")]
public readonly record struct PostalAddressSurrogate(
    [property: Id(0)] string? Line1,
    [property: Id(1)] string? Line2,
    [property: Id(2)] string? City,
    [property: Id(3)] string? Region,
    [property: Id(4)] string? PostalCode,
    [property: Id(5)] string? Country);

/// <summary>Turns a <see cref="PostalAddress"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class PostalAddressConverter : IConverter<PostalAddress, PostalAddressSurrogate>
{
    public PostalAddress ConvertFromSurrogate(in PostalAddressSurrogate s) => new(s.Line1 ?? "", s.Line2, s.City ?? "", s.Region, s.PostalCode, s.Country ?? "");

    public PostalAddressSurrogate ConvertToSurrogate(in PostalAddress a) => new(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country);
}
