using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// The web-shop order id entered on a call and where its validation stands (OpenAPI schema <c>LinkedOrder</c>, as
/// before, with the store, the last verdict's reasons, the order it judged, the "view in shop" URL once valid, and
/// every verdict the nightly validation gave).
/// </summary>
public sealed record LinkedOrder(string OrderId, LinkStatus Status, DateTimeOffset SetAt, string SetBy, string? Reason = null)
{
    public string? StoreCode { get; init; }

    public IReadOnlyList<LinkReason> Reasons { get; init; } = [];

    public string? JudgedOrderId { get; init; }

    public string? ViewUrl { get; init; }

    public IReadOnlyList<LinkVerdictView> History { get; init; } = [];

    public static LinkedOrder From(Domain.Calls.LinkedOrder l) => new(l.OrderId, l.Status, l.SetAt, l.SetBy, l.Reason)
    {
        StoreCode = l.StoreCode,
        Reasons = LinkReasons.From(l.Reasons),
        JudgedOrderId = l.JudgedIncrementId,
        ViewUrl = l.ViewUrl,
        History = [.. l.History.Select(LinkVerdictView.From)],
    };
}
