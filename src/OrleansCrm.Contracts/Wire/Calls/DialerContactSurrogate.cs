using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A contact's dialing state (stored by its contact, sent to the dialer on every change) (<see cref="DialerContact"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.DialerContact.v1")]
public readonly record struct DialerContactSurrogate(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string ContactId,
    [property: Id(2)] string Phone,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] string? Name,
    [property: Id(5)] string? Email,
    [property: Id(6)] string? CustomerId,
    [property: Id(7)] string? OrderNumber,
    [property: Id(8)] int Stage,
    [property: Id(9)] DateTimeOffset DueAt,
    [property: Id(10)] string? CallbackOwner,
    [property: Id(11)] int Attempts,
    [property: Id(12)] string? DoneReason,
    [property: Id(13)] DateTimeOffset ImportedAt,
    [property: Id(14)] long Version,
    [property: Id(15)] long ImportSequence);

/// <summary>Turns a <see cref="DialerContact"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class DialerContactConverter : IConverter<DialerContact, DialerContactSurrogate>
{
    public DialerContact ConvertFromSurrogate(in DialerContactSurrogate s) => new(s.CampaignId, s.ContactId, s.Phone, s.TimeZone, s.Name, s.Email, s.CustomerId, s.OrderNumber, (DialStage)s.Stage, s.DueAt, s.CallbackOwner, s.Attempts, s.DoneReason, s.ImportedAt, s.Version, s.ImportSequence);

    public DialerContactSurrogate ConvertToSurrogate(in DialerContact m) => new(m.CampaignId, m.ContactId, m.Phone, m.TimeZone, m.Name, m.Email, m.CustomerId, m.OrderNumber, (int)m.Stage, m.DueAt, m.CallbackOwner, m.Attempts, m.DoneReason, m.ImportedAt, m.Version, m.ImportSequence);
}
