using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Api.Apis;

/// <summary>One verdict in a link's history: the run, when, the status it gave and why.</summary>
public sealed record LinkVerdictView(string RunId, DateTimeOffset At, LinkStatus Status, IReadOnlyList<LinkReason> Reasons)
{
    public static LinkVerdictView From(Domain.Shop.LinkVerdictEntry e) => new(e.RunId, e.At, e.Status, LinkReasons.From(e.Reasons));
}
