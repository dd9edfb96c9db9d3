using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="OrderChange"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.OrderChange.v1")]
public readonly record struct OrderChangeSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] OrderChangeKind Kind,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string By,
    [property: Id(4)] string Description,
    [property: Id(5)] string? Reason,
    [property: Id(6)] decimal? Amount,
    [property: Id(7)] decimal? Refund,
    [property: Id(8)] string? Sku,
    [property: Id(9)] int? FromQuantity,
    [property: Id(10)] int? ToQuantity,
    [property: Id(11)] string? ClientKey,
    [property: Id(12)] Wording? DescriptionWording);

/// <summary>Turns an <see cref="OrderChange"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OrderChangeConverter : IConverter<OrderChange, OrderChangeSurrogate>
{
    public OrderChange ConvertFromSurrogate(in OrderChangeSurrogate s) => new(s.Id, s.Kind, s.At, s.By, s.Description, s.Reason, s.Amount, s.Refund, s.Sku, s.FromQuantity, s.ToQuantity, s.ClientKey, s.DescriptionWording);

    public OrderChangeSurrogate ConvertToSurrogate(in OrderChange o) => new(o.Id, o.Kind, o.At, o.By, o.Description, o.Reason, o.Amount, o.Refund, o.Sku, o.FromQuantity, o.ToQuantity, o.ClientKey, o.DescriptionWording);
}
