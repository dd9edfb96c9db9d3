using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>The appointment slot of a call's draft (<see cref="AppointmentSlot"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.AppointmentSlot.v1")]
public readonly record struct AppointmentSlotSurrogate(
    [property: Id(0)] string? AgentId,
    [property: Id(1)] DateTimeOffset? Start);

/// <summary>Turns a <see cref="AppointmentSlot"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class AppointmentSlotConverter : IConverter<AppointmentSlot, AppointmentSlotSurrogate>
{
    public AppointmentSlot ConvertFromSurrogate(in AppointmentSlotSurrogate s) => new(s.AgentId, s.Start);

    public AppointmentSlotSurrogate ConvertToSurrogate(in AppointmentSlot m) => new(m.AgentId, m.Start);
}
