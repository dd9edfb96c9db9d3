using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="UpsellCheckout"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.UpsellCheckout.v1")]
public readonly record struct UpsellCheckoutSurrogate(
    [property: Id(0)] string? MainOrderNumber,
    [property: Id(1)] string? CampaignId,
    [property: Id(2)] string? UpsellId,
    [property: Id(3)] int? Quantity,
    [property: Id(4)] string? ShippingMethodId,
    [property: Id(5)] string? CardToken,
    [property: Id(6)] string? PaymentProvider);

/// <summary>Turns an <see cref="UpsellCheckout"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class UpsellCheckoutConverter : IConverter<UpsellCheckout, UpsellCheckoutSurrogate>
{
    public UpsellCheckout ConvertFromSurrogate(in UpsellCheckoutSurrogate s) => new(s.MainOrderNumber ?? "", s.CampaignId ?? "", s.UpsellId, s.Quantity, s.ShippingMethodId, s.CardToken, s.PaymentProvider);

    public UpsellCheckoutSurrogate ConvertToSurrogate(in UpsellCheckout u) => new(u.MainOrderNumber, u.CampaignId, u.UpsellId, u.Quantity, u.ShippingMethodId, u.CardToken, u.PaymentProvider);
}
