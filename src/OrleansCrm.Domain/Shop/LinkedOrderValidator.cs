namespace OrleansCrm.Domain.Shop;

/// <summary>
/// The nightly rule for a linked order: Valid when the order exists, was created by the rep who made the call, within
/// [call start, call end + 2 hours], and is linked to no other call; otherwise Invalid with every reason that applies.
/// An order re-created in the shop (<c>…-1</c>) is judged by its newest edition. A link whose window the last finished
/// sync does not cover yet stays pending (AwaitingSync): never "no such order" before the shop could have sent it.
/// </summary>
public static class LinkedOrderValidator
{
    /// <summary>How long after the call an order still counts as made on it.</summary>
    public static readonly TimeSpan AfterCallGrace = TimeSpan.FromHours(2);

    /// <param name="link">The link and its call.</param>
    /// <param name="chain">Every shop order of the chain the link names (any edition; empty when the shop has none).</param>
    /// <param name="callsLinkingTheOrder">How many calls link any edition of the order, this one included.</param>
    /// <param name="syncedUpTo">The watermark of the last finished sync: the shop's orders up to it are here. Null: none finished yet.</param>
    public static LinkVerdict Judge(LinkToJudge link, IReadOnlyCollection<ShopOrder> chain, int callsLinkingTheOrder, DateTimeOffset? syncedUpTo)
    {
        if (link.CallEnd is not { } end || syncedUpTo is not { } synced || end + AfterCallGrace > synced)
        {
            return LinkVerdict.AwaitingSync;
        }

        var reasons = new List<LinkReason>();
        var judged = NewestEdition(chain, link.Order.IncrementId);
        if (judged is null)
        {
            reasons.Add(LinkReason.NoSuchOrder);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(judged.SalesRep))
            {
                reasons.Add(LinkReason.NoRepOnOrder);
            }
            else if (!string.Equals(judged.SalesRep.Trim(), link.AgentShopUser, StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add(LinkReason.AnotherRepsOrder);
            }

            if (!InWindow(judged.CreatedAt, link.CallStart, end))
            {
                reasons.Add(LinkReason.CreatedOutOfRange);
            }
        }

        if (callsLinkingTheOrder > 1)
        {
            reasons.Add(LinkReason.LinkedToSeveralCalls);
        }

        if (reasons.Count == 0)
        {
            return LinkVerdict.Valid(judged!);
        }

        if (judged is not null && !string.Equals(judged.IncrementId, link.Order.IncrementId, StringComparison.Ordinal))
        {
            reasons.Add(LinkReason.OrderReplaced);
        }

        return LinkVerdict.Invalid(reasons, judged);
    }

    /// <summary>Both edges count: created exactly at the call's start, or exactly two hours after its end, is in range.</summary>
    public static bool InWindow(DateTimeOffset createdAt, DateTimeOffset callStart, DateTimeOffset callEnd) =>
        createdAt >= callStart && createdAt <= callEnd + AfterCallGrace;

    /// <summary>
    /// The edition that stands for the order named: the newest edition of its chain that is the one named or newer;
    /// null when the shop has neither it nor a newer edition (an older edition is another, superseded order).
    /// </summary>
    public static ShopOrder? NewestEdition(IReadOnlyCollection<ShopOrder> chain, string namedIncrementId)
    {
        var from = IncrementIds.Edition(namedIncrementId);
        return chain.Where(o => o.Edition >= from).MaxBy(o => o.Edition);
    }
}
