using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Contracts.Wire.Campaigns;

/// <summary>A campaign's wallboard thresholds (<see cref="WallboardThresholds"/>) as they are stored and cross a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.WallboardThresholds.v1")]
public readonly record struct WallboardThresholdsSurrogate(
    [property: Id(0)] int? DueAmber,
    [property: Id(1)] int? DueRed,
    [property: Id(2)] int? ContactRateAmber,
    [property: Id(3)] int? ContactRateRed,
    [property: Id(4)] int? MinCalls);

/// <summary>Turns a <see cref="WallboardThresholds"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class WallboardThresholdsConverter : IConverter<WallboardThresholds, WallboardThresholdsSurrogate>
{
    public WallboardThresholds ConvertFromSurrogate(in WallboardThresholdsSurrogate s) => new(s.DueAmber, s.DueRed, s.ContactRateAmber, s.ContactRateRed, s.MinCalls);

    public WallboardThresholdsSurrogate ConvertToSurrogate(in WallboardThresholds m) => new(m.DueAmber, m.DueRed, m.ContactRateAmber, m.ContactRateRed, m.MinCalls);
}
