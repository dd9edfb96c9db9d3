using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Grains.Calls;

/// <summary>The do-not-call list (numbers blocked on request or found invalid on a call), kept in memory, stored whole.</summary>
public sealed class DoNotCallGrain(
    [PersistentState(StorageNames.DoNotCallState, StorageNames.Crm)] IPersistentState<DoNotCallList> state,
    CrmClock clock)
    : Grain, IDoNotCallGrain
{
    public async Task<BlockedNumber> BlockAsync(string phone, BlockReason reason, string? note, string by)
    {
        if (state.State.Numbers.TryGetValue(phone, out var existing) && existing.Reason == reason)
        {
            return existing;
        }

        var entry = new BlockedNumber(phone, reason, note is null ? null : CardNumbers.Redact(note.Trim()), clock.GetUtcNow(), by);
        state.State.Numbers[phone] = entry;
        await state.WriteStateAsync();
        return entry;
    }

    public async Task<bool> UnblockAsync(string phone)
    {
        if (!state.State.Numbers.Remove(phone))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<bool> IsBlockedAsync(string phone) => Task.FromResult(state.State.Numbers.ContainsKey(phone));

    public Task<BlockedNumber?> GetAsync(string phone) => Task.FromResult(state.State.Numbers.GetValueOrDefault(phone));
}
