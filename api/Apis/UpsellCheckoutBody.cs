namespace OrleansCrm.Api.Apis;

public sealed record UpsellCheckoutBody(string? CampaignId, string? UpsellId, int? Quantity, string? ShippingMethodId, string? CardToken, string? PaymentProvider);
