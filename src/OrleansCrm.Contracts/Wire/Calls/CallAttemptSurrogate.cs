using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A call attempt (<see cref="CallAttempt"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.CallAttempt.v1")]
public readonly record struct CallAttemptSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] string ContactId,
    [property: Id(3)] string? ContactName,
    [property: Id(4)] string Phone,
    [property: Id(5)] string? Email,
    [property: Id(6)] string TimeZone,
    [property: Id(7)] string? CustomerId,
    [property: Id(8)] string? OrderNumber,
    [property: Id(9)] string? TaskId,
    [property: Id(10)] string AgentId,
    [property: Id(11)] string StartedBy,
    [property: Id(12)] int Direction,
    [property: Id(13)] int Why,
    [property: Id(14)] int Attempt,
    [property: Id(15)] DateTimeOffset StartedAt,
    [property: Id(16)] DateTimeOffset TimesOutAt,
    [property: Id(17)] DateTimeOffset? EndedAt,
    [property: Id(18)] int Status,
    [property: Id(19)] CallDraft Draft,
    [property: Id(20)] CallRecording? Recording,
    [property: Id(21)] LinkedOrder? LinkedOrder,
    [property: Id(22)] ConfirmedOutcome? Outcome);

/// <summary>Turns a <see cref="CallAttempt"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CallAttemptConverter : IConverter<CallAttempt, CallAttemptSurrogate>
{
    public CallAttempt ConvertFromSurrogate(in CallAttemptSurrogate s) => new()
    {
        Id = s.Id,
        CampaignId = s.CampaignId,
        ContactId = s.ContactId,
        ContactName = s.ContactName,
        Phone = s.Phone,
        Email = s.Email,
        TimeZone = s.TimeZone,
        CustomerId = s.CustomerId,
        OrderNumber = s.OrderNumber,
        TaskId = s.TaskId,
        AgentId = s.AgentId,
        StartedBy = s.StartedBy,
        Direction = (CallDirection)s.Direction,
        Why = (HandOutReason)s.Why,
        Attempt = s.Attempt,
        StartedAt = s.StartedAt,
        TimesOutAt = s.TimesOutAt,
        EndedAt = s.EndedAt,
        Status = (CallStatus)s.Status,
        Draft = s.Draft ?? CallDraft.Empty,
        Recording = s.Recording,
        LinkedOrder = s.LinkedOrder,
        Outcome = s.Outcome,
    };

    public CallAttemptSurrogate ConvertToSurrogate(in CallAttempt m) => new(
        m.Id, m.CampaignId, m.ContactId, m.ContactName, m.Phone, m.Email, m.TimeZone, m.CustomerId, m.OrderNumber, m.TaskId, m.AgentId,
        m.StartedBy, (int)m.Direction, (int)m.Why, m.Attempt, m.StartedAt, m.TimesOutAt, m.EndedAt, (int)m.Status, m.Draft, m.Recording,
        m.LinkedOrder, m.Outcome);
}
