using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="Analytics"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Analytics.v1")]
public readonly record struct AnalyticsSurrogate(
    [property: Id(0)] string? Source,
    [property: Id(1)] string? Channel);

/// <summary>Turns an <see cref="Analytics"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class AnalyticsConverter : IConverter<Analytics, AnalyticsSurrogate>
{
    public Analytics ConvertFromSurrogate(in AnalyticsSurrogate s) => new(s.Source, s.Channel);

    public AnalyticsSurrogate ConvertToSurrogate(in Analytics a) => new(a.Source, a.Channel);
}
