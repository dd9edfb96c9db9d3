using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Contracts.Wire.Messaging;

/// <summary><see cref="QuietHours"/> as they are stored and cross a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.QuietHours.v1")]
public readonly record struct QuietHoursSurrogate(
    [property: Id(0)] TimeOnly Start,
    [property: Id(1)] TimeOnly End);

/// <summary>Turns <see cref="QuietHours"/> into their surrogate and back; one contract with them, so one file.</summary>
[RegisterConverter]
public sealed class QuietHoursConverter : IConverter<QuietHours, QuietHoursSurrogate>
{
    public QuietHours ConvertFromSurrogate(in QuietHoursSurrogate s) => new(s.Start, s.End);

    public QuietHoursSurrogate ConvertToSurrogate(in QuietHours q) => new(q.Start, q.End);
}
