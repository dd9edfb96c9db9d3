using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>A <see cref="PlaceOrder"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.PlaceOrder.v1")]
public readonly record struct PlaceOrderSurrogate(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string OfferId,
    [property: Id(2)] string Currency,
    [property: Id(3)] bool Trial,
    [property: Id(4)] IReadOnlyList<OrderLine> Items,
    [property: Id(5)] string? CardToken,
    [property: Id(6)] string? PaymentProvider,
    [property: Id(7)] string? DeliveryMethodId,
    [property: Id(8)] string? Ip,
    [property: Id(9)] Analytics? Analytics,
    [property: Id(10)] Affiliate? Affiliate,
    [property: Id(11)] string? Tag,
    [property: Id(12)] string? CampaignId);

/// <summary>Turns a <see cref="PlaceOrder"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class PlaceOrderConverter : IConverter<PlaceOrder, PlaceOrderSurrogate>
{
    public PlaceOrder ConvertFromSurrogate(in PlaceOrderSurrogate s) => new(s.CustomerId, s.OfferId, s.Currency, s.Trial, s.Items, s.CardToken, s.PaymentProvider, s.DeliveryMethodId, s.Ip, s.Analytics, s.Affiliate, s.Tag, s.CampaignId);

    public PlaceOrderSurrogate ConvertToSurrogate(in PlaceOrder p) => new(p.CustomerId, p.OfferId, p.Currency, p.Trial, p.Items, p.CardToken, p.PaymentProvider, p.DeliveryMethodId, p.Ip, p.Analytics, p.Affiliate, p.Tag, p.CampaignId);
}
