using OrleansCrm.Contracts.Messaging;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Grains.Messaging;

/// <summary>One phone number: the opt-out list's entry for it and the automated SMS that count against its cap.</summary>
public sealed class SmsRecipientGrain(
    [PersistentState(StorageNames.SmsRecipientState, StorageNames.Crm)] IPersistentState<SmsRecipientState> state,
    CrmClock clock)
    : Grain, ISmsRecipientGrain
{
    public async Task OptOutAsync(string reason)
    {
        if (state.State.OptedOut)
        {
            return;
        }

        (state.State.OptedOut, state.State.OptOutReason, state.State.ChangedAt) = (true, reason, clock.GetUtcNow());
        await state.WriteStateAsync();
    }

    public async Task OptInAsync()
    {
        if (!state.State.OptedOut)
        {
            return;
        }

        (state.State.OptedOut, state.State.OptOutReason, state.State.ChangedAt) = (false, null, clock.GetUtcNow());
        await state.WriteStateAsync();
    }

    public Task<bool> IsOptedOutAsync() => Task.FromResult(state.State.OptedOut);

    public async Task<SmsPermit> ClaimAutomatedAsync(string messageKey, int capCount, TimeSpan capWindow)
    {
        if (state.State.OptedOut)
        {
            return SmsPermit.OptedOut;
        }

        if (state.State.RecentSends.ContainsKey(messageKey))
        {
            // The same message asking again (a retry after a crash): it already counts.
            return SmsPermit.Allowed;
        }

        var now = clock.GetUtcNow();
        var cap = new FrequencyCap(capCount, capWindow);
        if (!cap.Allows(state.State.RecentSends.Values, now))
        {
            return SmsPermit.Capped;
        }

        state.State.RecentSends = state.State.RecentSends
            .Where(s => cap.StillCounting([s.Value], now).Any())
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        state.State.RecentSends[messageKey] = now;
        await state.WriteStateAsync();
        return SmsPermit.Allowed;
    }
}
