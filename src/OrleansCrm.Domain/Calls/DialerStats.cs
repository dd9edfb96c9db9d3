namespace OrleansCrm.Domain.Calls;

/// <summary>
/// A campaign's queue: due now (waiting only for a free agent or its calling window), scheduled later,
/// leased to an agent, done. <see cref="Due"/> counts contacts whose due time has come, open window or not.
/// </summary>
public sealed record DialerStats(int Due, int Scheduled, int Leased, int Done, int Total);
