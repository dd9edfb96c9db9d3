using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>A <see cref="CustomerSnapshot"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.CustomerSnapshot.v1")]
public readonly record struct CustomerSnapshotSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] string Phone,
    [property: Id(4)] string TimeZone);

/// <summary>Turns a <see cref="CustomerSnapshot"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CustomerSnapshotConverter : IConverter<CustomerSnapshot, CustomerSnapshotSurrogate>
{
    public CustomerSnapshot ConvertFromSurrogate(in CustomerSnapshotSurrogate s) => new(s.Id, s.Name, s.Email, s.Phone, s.TimeZone);

    public CustomerSnapshotSurrogate ConvertToSurrogate(in CustomerSnapshot c) => new(c.Id, c.Name, c.Email, c.Phone, c.TimeZone);
}
