using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Grains.Offers;

/// <summary>An offer, stored as the api checked it (<see cref="Offer.Checked"/>).</summary>
public sealed class OfferGrain(
    [PersistentState(StorageNames.OfferState, StorageNames.Crm)] IPersistentState<DocumentState<Offer>> state,
    CrmClock clock)
    : DocumentGrain<Offer>(state, clock), IOfferGrain;
