using OrleansCrm.Contracts;

namespace OrleansCrm.Grains.Orders;

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
