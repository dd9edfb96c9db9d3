using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A call's recording reference (<see cref="CallRecording"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.CallRecording.v1")]
public readonly record struct CallRecordingSurrogate(
    [property: Id(0)] string ContentType,
    [property: Id(1)] long Size,
    [property: Id(2)] string Sha256,
    [property: Id(3)] DateTimeOffset StoredAt);

/// <summary>Turns a <see cref="CallRecording"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CallRecordingConverter : IConverter<CallRecording, CallRecordingSurrogate>
{
    public CallRecording ConvertFromSurrogate(in CallRecordingSurrogate s) => new(s.ContentType, s.Size, s.Sha256, s.StoredAt);

    public CallRecordingSurrogate ConvertToSurrogate(in CallRecording m) => new(m.ContentType, m.Size, m.Sha256, m.StoredAt);
}
