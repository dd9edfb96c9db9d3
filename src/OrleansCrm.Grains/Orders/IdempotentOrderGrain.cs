using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Grains.Orders;

/// <summary>
/// One client's <c>Idempotency-Key</c> for placing an order. The order number is recorded before the
/// order is placed, so a retry after a crash places the same order (and its charge keeps its key).
/// </summary>
public sealed class IdempotentOrderGrain(
    [PersistentState(StorageNames.IdempotentOrderState, StorageNames.Crm)] IPersistentState<IdempotentOrderState> state)
    : Grain, IIdempotentOrderGrain
{
    public Task<string> PlaceOnceAsync(PlaceOrder request, string fingerprint, string placedBy) =>
        OnceAsync(fingerprint, number => GrainFactory.GetGrain<IOrderGrain>(number).PlaceAsync(request, placedBy));

    public Task<string> PlaceUpsellOnceAsync(UpsellCheckout checkout, string fingerprint, string placedBy) =>
        OnceAsync(fingerprint, number => GrainFactory.GetGrain<IOrderGrain>(number).PlaceUpsellAsync(checkout, placedBy));

    private async Task<string> OnceAsync(string fingerprint, Func<string, Task<Order>> place)
    {
        if (state.State.OrderNumber is { } number)
        {
            if (state.State.Fingerprint != fingerprint)
            {
                throw DomainException.Conflict("Idempotency-Key reused", "This Idempotency-Key was already used for a different request; use a new key for a new order.");
            }
        }
        else
        {
            number = (await GrainFactory.GetGrain<ISequenceGrain>(SequenceNames.Orders).NextAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            state.State.Fingerprint = fingerprint;
            state.State.OrderNumber = number;
            await state.WriteStateAsync();
        }

        try
        {
            await place(number);
            return number;
        }
        catch (DomainException refused) when (refused.Kind != ProblemKind.Unavailable)
        {
            // Refused (bad input, declined card): nothing was created, so the key is free for a corrected request.
            // An unknown payment outcome keeps the number: the retry must reuse the charge's key.
            await state.ClearStateAsync();
            throw;
        }
    }
}
