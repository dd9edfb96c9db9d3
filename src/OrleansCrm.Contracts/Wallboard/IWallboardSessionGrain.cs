namespace OrleansCrm.Contracts.Wallboard;

/// <summary>
/// A browser's wallboard session, keyed by the SHA-256 of its cookie's random token (the token itself is never a key
/// nor stored). Stored with the rest of the data, so every api of a cluster validates it and it outlives a restart.
/// </summary>
[Alias("OrleansCrm.IWallboardSessionGrain")]
public interface IWallboardSessionGrain : IGrainWithStringKey
{
    [Alias("Open")]
    Task OpenAsync(string userId, string role, DateTimeOffset expiresAt);

    /// <summary>The session's user if it is open at <paramref name="now"/>, its expiry moved to <paramref name="slideTo"/> (later only); null if ended or expired.</summary>
    [Alias("Touch")]
    Task<WallboardSession?> TouchAsync(DateTimeOffset now, DateTimeOffset slideTo);

    [Alias("End")]
    Task EndAsync();
}
