using OrleansCrm.Contracts;

namespace OrleansCrm.Api.Apis;

/// <summary>An offer as stored: its id, version, time of the last change and the offer itself.</summary>
public sealed record OfferResponse(string Id, long Version, DateTimeOffset UpdatedAt, Offer Offer)
{
    public static OfferResponse From(Stored<Domain.Offers.Offer> stored) => new(stored.Id, stored.Version, stored.UpdatedAt, Offer.From(stored.Value));
}
