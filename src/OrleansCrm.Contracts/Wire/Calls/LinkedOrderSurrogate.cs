using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A call's linked web-shop order (<see cref="LinkedOrder"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.LinkedOrder.v1")]
public readonly record struct LinkedOrderSurrogate(
    [property: Id(0)] string OrderId,
    [property: Id(1)] int Status,
    [property: Id(2)] DateTimeOffset SetAt,
    [property: Id(3)] string SetBy,
    [property: Id(4)] string? Reason,
    [property: Id(5)] string? StoreCode,
    [property: Id(6)] IReadOnlyList<int>? Reasons,
    [property: Id(7)] string? JudgedIncrementId,
    [property: Id(8)] string? JudgedShopOrderId,
    [property: Id(9)] IReadOnlyList<LinkVerdictEntry>? History,
    [property: Id(10)] string? ViewUrl);

/// <summary>Turns a <see cref="LinkedOrder"/> into its surrogate and back; one contract with it, so one file. A link stored before verdicts existed reads with none.</summary>
[RegisterConverter]
public sealed class LinkedOrderConverter : IConverter<LinkedOrder, LinkedOrderSurrogate>
{
    public LinkedOrder ConvertFromSurrogate(in LinkedOrderSurrogate s) => new(s.OrderId, (LinkStatus)s.Status, s.SetAt, s.SetBy, s.Reason)
    {
        StoreCode = s.StoreCode,
        Reasons = s.Reasons is { Count: > 0 } reasons ? [.. reasons.Select(r => (LinkReason)r)] : [],
        JudgedIncrementId = s.JudgedIncrementId,
        JudgedShopOrderId = s.JudgedShopOrderId,
        History = s.History is { Count: > 0 } history ? history : [],
        ViewUrl = s.ViewUrl,
    };

    public LinkedOrderSurrogate ConvertToSurrogate(in LinkedOrder m) =>
        new(m.OrderId, (int)m.Status, m.SetAt, m.SetBy, m.Reason, m.StoreCode, [.. m.Reasons.Select(r => (int)r)], m.JudgedIncrementId, m.JudgedShopOrderId, m.History, m.ViewUrl);
}
