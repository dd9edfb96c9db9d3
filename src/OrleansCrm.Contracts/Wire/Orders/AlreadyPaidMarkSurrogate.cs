using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="AlreadyPaidMark"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.AlreadyPaidMark.v1")]
public readonly record struct AlreadyPaidMarkSurrogate(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string CallId);

/// <summary>Turns an <see cref="AlreadyPaidMark"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class AlreadyPaidMarkConverter : IConverter<AlreadyPaidMark, AlreadyPaidMarkSurrogate>
{
    public AlreadyPaidMark ConvertFromSurrogate(in AlreadyPaidMarkSurrogate s) => new(s.At, s.By, s.CallId);

    public AlreadyPaidMarkSurrogate ConvertToSurrogate(in AlreadyPaidMark a) => new(a.At, a.By, a.CallId);
}
