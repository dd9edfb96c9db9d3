using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Domain.Shop;

/// <summary>
/// What the nightly validation decided about one link: Valid (no reasons), Invalid (every reason that applies) or
/// still PendingValidation (AwaitingSync), and which shop order it judged (the newest edition of the one named).
/// </summary>
public sealed record LinkVerdict(LinkStatus Status, IReadOnlyList<LinkReason> Reasons, ShopOrder? JudgedOrder)
{
    public static LinkVerdict Valid(ShopOrder order) => new(LinkStatus.Valid, [], order);

    public static LinkVerdict AwaitingSync { get; } = new(LinkStatus.PendingValidation, [LinkReason.AwaitingSync], null);

    public static LinkVerdict Invalid(IReadOnlyList<LinkReason> reasons, ShopOrder? judged) => new(LinkStatus.Invalid, reasons, judged);
}
