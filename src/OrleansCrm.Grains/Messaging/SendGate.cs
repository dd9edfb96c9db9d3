namespace OrleansCrm.Grains.Messaging;

/// <summary>
/// What a channel's checks say just before an attempt: go, skip the message for good (the reason is recorded), or wait
/// until an instant (quiet hours: deferred, not dropped).
/// </summary>
public readonly record struct SendGate(string? SkipReason, DateTimeOffset? WaitUntil)
{
    public static SendGate Open => default;

    public static SendGate Skip(string reason) => new(reason, null);

    public static SendGate Defer(DateTimeOffset until) => new(null, until);
}
