using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A call's linked web-shop order (<see cref="LinkedOrder"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.LinkedOrder.v1")]
public readonly record struct LinkedOrderSurrogate(
    [property: Id(0)] string OrderId,
    [property: Id(1)] int Status,
    [property: Id(2)] DateTimeOffset SetAt,
    [property: Id(3)] string SetBy,
    [property: Id(4)] string? Reason);

/// <summary>Turns a <see cref="LinkedOrder"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class LinkedOrderConverter : IConverter<LinkedOrder, LinkedOrderSurrogate>
{
    public LinkedOrder ConvertFromSurrogate(in LinkedOrderSurrogate s) => new(s.OrderId, (LinkStatus)s.Status, s.SetAt, s.SetBy, s.Reason);

    public LinkedOrderSurrogate ConvertToSurrogate(in LinkedOrder m) => new(m.OrderId, (int)m.Status, m.SetAt, m.SetBy, m.Reason);
}
