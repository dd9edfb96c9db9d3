using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A dialer's due contacts by stage (<see cref="DueByStage"/>) as they cross a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.DueByStage.v1")]
public readonly record struct DueByStageSurrogate(
    [property: Id(0)] int PrivateCallbacks,
    [property: Id(1)] int PublicCallbacks,
    [property: Id(2)] int Retries,
    [property: Id(3)] int New);

/// <summary>Turns a <see cref="DueByStage"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class DueByStageConverter : IConverter<DueByStage, DueByStageSurrogate>
{
    public DueByStage ConvertFromSurrogate(in DueByStageSurrogate s) => new(s.PrivateCallbacks, s.PublicCallbacks, s.Retries, s.New);

    public DueByStageSurrogate ConvertToSurrogate(in DueByStage m) => new(m.PrivateCallbacks, m.PublicCallbacks, m.Retries, m.New);
}
