namespace OrleansCrm.Contracts;

/// <summary>The settings of calls and the dialer (configuration section <c>Calls</c>).</summary>
public sealed class CallOptions
{
    public const string Section = "Calls";

    /// <summary>How long a contact handed out by <c>dialer/next</c> stays held when no call starts on it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A call left open this long is released as if discarded (status TimedOut).</summary>
    public TimeSpan OpenCallTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How far ahead a callback may be agreed.</summary>
    public TimeSpan CallbackHorizon { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The largest recording accepted.</summary>
    public long MaxRecordingBytes { get; set; } = 20 * 1024 * 1024;
}
