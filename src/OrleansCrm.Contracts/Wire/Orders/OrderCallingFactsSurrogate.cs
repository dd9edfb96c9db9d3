using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="OrderCallingFacts"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.OrderCallingFacts.v1")]
public readonly record struct OrderCallingFactsSurrogate(
    [property: Id(0)] string Number,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] bool Deleted,
    [property: Id(3)] DateTimeOffset? AlreadyPaidAt);

/// <summary>Turns an <see cref="OrderCallingFacts"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OrderCallingFactsConverter : IConverter<OrderCallingFacts, OrderCallingFactsSurrogate>
{
    public OrderCallingFacts ConvertFromSurrogate(in OrderCallingFactsSurrogate s) => new(s.Number, s.CustomerId, s.Deleted, s.AlreadyPaidAt);

    public OrderCallingFactsSurrogate ConvertToSurrogate(in OrderCallingFacts o) => new(o.Number, o.CustomerId, o.Deleted, o.AlreadyPaidAt);
}
