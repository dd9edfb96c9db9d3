using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts;

/// <summary>Remembers what a client's <c>Idempotency-Key</c> produced, so a retried request returns the first result.</summary>
[Alias("OrleansCrm.IIdempotentOrderGrain")]
public interface IIdempotentOrderGrain : IGrainWithStringKey
{
    /// <summary>Places the order once for this key (the grain's key is the request's scope); a retry with the same request returns the same order.</summary>
    [Alias("PlaceOrderOnce")]
    Task<Order> PlaceOrderOnceAsync([Immutable] PlaceOrder request, [Immutable] ClientRequest client, string placedBy);

    /// <summary>Places an upsell order once for this key; a retried or double-clicked checkout returns the same order.</summary>
    [Alias("PlaceUpsellOnce")]
    Task<Order> PlaceUpsellOnceAsync([Immutable] UpsellCheckout checkout, [Immutable] ClientRequest client, string placedBy);
}
