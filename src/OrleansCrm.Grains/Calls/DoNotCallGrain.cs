using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Grains.Calls;

/// <summary>The do-not-call list (numbers blocked on request or found invalid on a call), kept in memory, stored whole.</summary>
public sealed class DoNotCallGrain(
    [PersistentState(StorageNames.DoNotCallState, StorageNames.Crm)] IPersistentState<DoNotCallList> state,
    CrmClock clock)
    : Grain, IDoNotCallGrain
{
    public Task<BlockedNumber> BlockAsync(string phone, BlockReason reason, string? note, string by) =>
        BlockAsync(phone, reason, by, at => new BlockedNumber(phone, reason, note is null ? null : CardNumbers.Redact(note.Trim()), at, by));

    public Task<BlockedNumber> BlockWithWordingAsync(string phone, BlockReason reason, Wording note, string by) =>
        BlockAsync(phone, reason, by, at => new BlockedNumber(phone, reason, null, at, by, note));

    private async Task<BlockedNumber> BlockAsync(string phone, BlockReason reason, string by, Func<DateTimeOffset, BlockedNumber> entryAt)
    {
        if (state.State.Numbers.TryGetValue(phone, out var existing) && existing.Reason == reason)
        {
            return existing;
        }

        var entry = entryAt(clock.GetUtcNow());
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
