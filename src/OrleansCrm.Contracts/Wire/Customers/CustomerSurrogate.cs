using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Contracts.Wire.Customers;

/// <summary>A <see cref="Customer"/> as it crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Customer.v1")]
public readonly record struct CustomerSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] CustomerProfile Profile,
    [property: Id(2)] IReadOnlyList<CustomerNote> Notes,
    [property: Id(3)] bool AutoPaymentsEnabled,
    [property: Id(4)] IReadOnlyList<string> OrderNumbers,
    [property: Id(5)] IReadOnlyList<string> CallIds,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] long Version);

/// <summary>Turns a <see cref="Customer"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CustomerConverter : IConverter<Customer, CustomerSurrogate>
{
    public Customer ConvertFromSurrogate(in CustomerSurrogate s) =>
        new(s.Id, s.Profile, s.Notes ?? [], s.AutoPaymentsEnabled, s.OrderNumbers ?? [], s.CallIds ?? [], s.CreatedAt, s.Version);

    public CustomerSurrogate ConvertToSurrogate(in Customer c) =>
        new(c.Id, c.Profile, c.Notes, c.AutoPaymentsEnabled, c.OrderNumbers, c.CallIds, c.CreatedAt, c.Version);
}
