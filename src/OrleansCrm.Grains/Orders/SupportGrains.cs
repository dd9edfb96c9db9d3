using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Grains.Orders;

[GenerateSerializer, Alias("OrleansCrm.SequenceState")]
public sealed class SequenceState
{
    /// <summary>The last number reserved; numbers up to it may have been handed out.</summary>
    [Id(0)]
    public long Reserved { get; set; } = 100_000;
}

/// <summary>Order numbers, reserved in blocks so a number costs a storage write only once per block. A restart skips the rest of a block.</summary>
public sealed class SequenceGrain(
    [PersistentState(StorageNames.SequenceState, StorageNames.Crm)] IPersistentState<SequenceState> state)
    : Grain, ISequenceGrain
{
    private const int BlockSize = 100;
    private long next;
    private long blockEnd = -1;

    public async Task<long> NextAsync()
    {
        if (next == 0 || next > blockEnd)
        {
            next = state.State.Reserved + 1;
            state.State.Reserved += BlockSize;
            await state.WriteStateAsync();
            blockEnd = state.State.Reserved;
        }

        return next++;
    }
}

[GenerateSerializer, Alias("OrleansCrm.TrialTokenState")]
public sealed class TrialTokenState
{
    [Id(0)]
    public string? OrderNumber { get; set; }
}

public sealed class TrialExtensionTokenGrain(
    [PersistentState(StorageNames.TrialTokenState, StorageNames.Crm)] IPersistentState<TrialTokenState> state)
    : Grain, ITrialExtensionTokenGrain
{
    public async Task RegisterAsync(string orderNumber)
    {
        state.State.OrderNumber = orderNumber;
        await state.WriteStateAsync();
    }

    public Task<string?> GetOrderNumberAsync() => Task.FromResult(state.State.OrderNumber);
}

[GenerateSerializer, Alias("OrleansCrm.IdempotentOrderState")]
public sealed class IdempotentOrderState
{
    [Id(0)]
    public string? Fingerprint { get; set; }

    [Id(1)]
    public string? OrderNumber { get; set; }
}

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

public static class SequenceNames
{
    public const string Orders = "orders";
    public const string Contracts = "contracts";
}
