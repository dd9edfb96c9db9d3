using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="Affiliate"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Affiliate.v1")]
public readonly record struct AffiliateSurrogate(
    [property: Id(0)] string? Id,
    [property: Id(1)] decimal? Commission);

/// <summary>Turns an <see cref="Affiliate"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class AffiliateConverter : IConverter<Affiliate, AffiliateSurrogate>
{
    public Affiliate ConvertFromSurrogate(in AffiliateSurrogate s) => new(s.Id, s.Commission);

    public AffiliateSurrogate ConvertToSurrogate(in Affiliate a) => new(a.Id, a.Commission);
}
