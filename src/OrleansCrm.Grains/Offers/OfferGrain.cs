using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Grains.Offers;

public sealed class OfferGrain(
    [PersistentState(StorageNames.OfferState, StorageNames.Crm)] IPersistentState<DocumentState<Offer>> state,
    CrmClock clock)
    : DocumentGrain<Offer>(state, clock), IOfferGrain
{
    protected override Offer Validated(Offer value) => value.Validated();
}
