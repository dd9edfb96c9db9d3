using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A call's draft (<see cref="CallDraft"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.CallDraft.v1")]
public readonly record struct CallDraftSurrogate(
    [property: Id(0)] string? Notes,
    [property: Id(1)] Cart? Cart,
    [property: Id(2)] AppointmentSlot? Appointment,
    [property: Id(3)] string? LinkedOrderId,
    [property: Id(4)] CustomerMessage? Message);

/// <summary>Turns a <see cref="CallDraft"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CallDraftConverter : IConverter<CallDraft, CallDraftSurrogate>
{
    public CallDraft ConvertFromSurrogate(in CallDraftSurrogate s) => new(s.Notes, s.Cart, s.Appointment, s.LinkedOrderId, s.Message);

    public CallDraftSurrogate ConvertToSurrogate(in CallDraft m) => new(m.Notes, m.Cart, m.Appointment, m.LinkedOrderId, m.Message);
}
