namespace OrleansCrm.Api.Wallboard;

/// <summary>
/// The settings of the wallboard (section <c>Wallboard</c>): how long a browser session holds (sliding), how often the
/// stream beats and looks for changes, when an agent with no call counts as signed out, and how many campaigns one board shows.
/// </summary>
public sealed class WallboardOptions
{
    public const string Section = "Wallboard";

    /// <summary>A session ends this long after its last use (sliding). Default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The stream sends a heartbeat this often (and checks its session then). Default 15 s.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The stream asks the cluster whether a call started or ended this often. Default 500 ms.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The stream rebuilds its figures at most this often while calls change, and at least this often otherwise (x5). Default 1 s.</summary>
    public TimeSpan Refresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An agent whose last call ended longer ago than this (and who is on no call) shows as signed out. Default 15 min.</summary>
    public TimeSpan IdleWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Campaigns one board may show.</summary>
    public const int MaxCampaigns = 50;
}
