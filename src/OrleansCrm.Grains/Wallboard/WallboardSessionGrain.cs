using OrleansCrm.Contracts.Wallboard;

namespace OrleansCrm.Grains.Wallboard;

/// <summary>
/// A wallboard session (see <see cref="IWallboardSessionGrain"/>). A sliding expiry is written only when it moves by
/// more than a tenth of what is left, so a wall screen's heartbeats do not write on every beat.
/// </summary>
public sealed class WallboardSessionGrain(
    [PersistentState(StorageNames.WallboardSessionState, StorageNames.Crm)] IPersistentState<WallboardSessionState> state)
    : Grain, IWallboardSessionGrain
{
    public async Task OpenAsync(string userId, string role, DateTimeOffset expiresAt)
    {
        state.State.Session = new WallboardSession(userId, role, expiresAt);
        await state.WriteStateAsync();
    }

    public async Task<WallboardSession?> TouchAsync(DateTimeOffset now, DateTimeOffset slideTo)
    {
        if (state.State.Session is not { } session)
        {
            return null;
        }

        if (session.ExpiresAt <= now)
        {
            await EndAsync();
            return null;
        }

        if (slideTo - session.ExpiresAt > (session.ExpiresAt - now) / 10)
        {
            state.State.Session = session = session with { ExpiresAt = slideTo };
            await state.WriteStateAsync();
        }

        return session;
    }

    public async Task EndAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State.Session = null;
        DeactivateOnIdle();
    }
}
