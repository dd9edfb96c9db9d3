namespace OrleansCrm.Api.Edge;

/// <summary>
/// The real clock of the edge, keyed in the services: rate-limit windows and the freshness of signed webhooks are about
/// the wall clock of whoever calls, never about business time, which the simulated clock may hold still or move ahead.
/// </summary>
public static class EdgeClock
{
    public const string Key = "edge-real-time";
}
