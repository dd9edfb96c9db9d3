namespace OrleansCrm.Domain.Shop;

/// <summary>
/// A verdict for the link a call held when the run read it (<see cref="LinkSetAt"/>): a link edited since is a new
/// link, pending again, and the verdict is not for it.
/// </summary>
public sealed record LinkJudgement(DateTimeOffset LinkSetAt, LinkVerdictEntry Verdict, string? JudgedIncrementId, string? JudgedShopOrderId, string? ViewUrl);
