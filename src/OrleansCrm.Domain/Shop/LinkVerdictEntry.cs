using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Domain.Shop;

/// <summary>One verdict in a link's history: which run gave it, when, what it was and why.</summary>
public sealed record LinkVerdictEntry(string RunId, DateTimeOffset At, LinkStatus Status, IReadOnlyList<LinkReason> Reasons);
