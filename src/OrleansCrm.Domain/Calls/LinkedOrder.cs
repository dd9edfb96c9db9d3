using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// The web-shop order id an agent entered on the call, and where its validation stands: the store it is in (null on
/// links made before stores were known: the default store), the reasons of the last verdict, the shop order that
/// verdict judged (the newest edition of the one named) and, when valid, its address in the shop, and every verdict the nightly validation gave it.
/// </summary>
public sealed record LinkedOrder(string OrderId, LinkStatus Status, DateTimeOffset SetAt, string SetBy, string? Reason = null)
{
    public string? StoreCode { get; init; }

    public IReadOnlyList<LinkReason> Reasons { get; init; } = [];

    public string? JudgedIncrementId { get; init; }

    public string? JudgedShopOrderId { get; init; }

    public IReadOnlyList<LinkVerdictEntry> History { get; init; } = [];

    /// <summary>Where the order opens in the shop, once the link is valid (the store's URL template, filled when judged).</summary>
    public string? ViewUrl { get; init; }

    /// <summary>The link with a verdict recorded: its status and reasons now, and the verdict added to its history.</summary>
    public LinkedOrder Judged(LinkJudgement judgement) => this with
    {
        Status = judgement.Verdict.Status,
        Reasons = judgement.Verdict.Reasons,
        Reason = judgement.Verdict.Reasons.Count == 0 ? null : string.Join(", ", judgement.Verdict.Reasons),
        JudgedIncrementId = judgement.JudgedIncrementId,
        JudgedShopOrderId = judgement.JudgedShopOrderId,
        ViewUrl = judgement.ViewUrl,
        History = [.. History, judgement.Verdict],
    };
}
