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
    public Task<Order> PlaceOrderOnceAsync(PlaceOrder request, ClientRequest client, string placedBy) =>
        OnceAsync(client, number => GrainFactory.GetGrain<IOrderGrain>(number).PlaceAsync(request, placedBy));

    public Task<Order> PlaceUpsellOnceAsync(UpsellCheckout checkout, ClientRequest client, string placedBy) =>
        OnceAsync(client, number => GrainFactory.GetGrain<IOrderGrain>(number).PlaceUpsellAsync(checkout, placedBy));

    /// <summary>No order exists yet to remember the key, so this grain does, under the request's scope, with the same rule as an order (<see cref="ClientRequest.Repeats"/>).</summary>
    private async Task<Order> OnceAsync(ClientRequest client, Func<string, Task<Order>> place)
    {
        if (state.State.OrderNumber is { } number)
        {
            client.Repeats(state.State.Fingerprint ?? "");
        }
        else
        {
            number = (await GrainFactory.GetGrain<ISequenceGrain>(SequenceNames.Orders).NextAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            state.State.Fingerprint = client.Fingerprint;
            state.State.OrderNumber = number;
            await state.WriteStateAsync();
        }

        try
        {
            return await place(number);
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
