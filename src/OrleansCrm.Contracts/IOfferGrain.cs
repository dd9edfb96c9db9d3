using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Contracts;

/// <summary>An offer, keyed by its id.</summary>
[Alias("OrleansCrm.IOfferGrain")]
public interface IOfferGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<Stored<Offer>?> GetAsync();

    /// <summary>Creates or replaces the offer after checking every field.</summary>
    [Alias("Put")]
    Task<Stored<Offer>> PutAsync(Offer offer);
}
