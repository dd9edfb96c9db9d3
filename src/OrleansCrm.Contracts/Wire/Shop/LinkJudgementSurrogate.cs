using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Contracts.Wire.Shop;

/// <summary>A verdict for a call's link (<see cref="LinkJudgement"/>) as it crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.LinkJudgement.v1")]
public readonly record struct LinkJudgementSurrogate(
    [property: Id(0)] DateTimeOffset LinkSetAt,
    [property: Id(1)] LinkVerdictEntry Verdict,
    [property: Id(2)] string? JudgedIncrementId,
    [property: Id(3)] string? JudgedShopOrderId,
    [property: Id(4)] string? ViewUrl);

/// <summary>Turns a <see cref="LinkJudgement"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class LinkJudgementConverter : IConverter<LinkJudgement, LinkJudgementSurrogate>
{
    public LinkJudgement ConvertFromSurrogate(in LinkJudgementSurrogate s) => new(s.LinkSetAt, s.Verdict, s.JudgedIncrementId, s.JudgedShopOrderId, s.ViewUrl);

    public LinkJudgementSurrogate ConvertToSurrogate(in LinkJudgement m) => new(m.LinkSetAt, m.Verdict, m.JudgedIncrementId, m.JudgedShopOrderId, m.ViewUrl);
}
