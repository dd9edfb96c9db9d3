using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// A call attempt as the API shows it (the same JSON as the domain's call): agent, contact, times, attempt, the draft
/// while open, the recording, the linked order and the outcome.
/// </summary>
public sealed class CallAttempt
{

    public required string Id { get; init; }

    public required string CampaignId { get; init; }

    public required string ContactId { get; init; }

    public string? ContactName { get; init; }

    public required string Phone { get; init; }

    public string? Email { get; init; }

    public required string TimeZone { get; init; }

    public string? CustomerId { get; init; }

    public string? OrderNumber { get; init; }

    public string? TaskId { get; init; }

    public required string AgentId { get; init; }

    public required string StartedBy { get; init; }

    public CallDirection Direction { get; init; }

    public HandOutReason Why { get; init; }

    public int Attempt { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset TimesOutAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public CallStatus Status { get; init; }

    public CallDraft Draft { get; init; } = new(null, null, null, null, null);

    public CallRecording? Recording { get; init; }

    public LinkedOrder? LinkedOrder { get; init; }

    public ConfirmedOutcome? Outcome { get; init; }

    public bool IsOpen => Status == CallStatus.Open;

    public static CallAttempt From(Domain.Calls.CallAttempt call) => new()
    {
        Id = call.Id,
        CampaignId = call.CampaignId,
        ContactId = call.ContactId,
        ContactName = call.ContactName,
        Phone = call.Phone,
        Email = call.Email,
        TimeZone = call.TimeZone,
        CustomerId = call.CustomerId,
        OrderNumber = call.OrderNumber,
        TaskId = call.TaskId,
        AgentId = call.AgentId,
        StartedBy = call.StartedBy,
        Direction = call.Direction,
        Why = call.Why,
        Attempt = call.Attempt,
        StartedAt = call.StartedAt,
        TimesOutAt = call.TimesOutAt,
        EndedAt = call.EndedAt,
        Status = call.Status,
        Draft = CallDraft.From(call.Draft),
        Recording = call.Recording is { } recording ? CallRecording.From(recording) : null,
        LinkedOrder = call.LinkedOrder is { } linked ? LinkedOrder.From(linked) : null,
        Outcome = call.Outcome is { } outcome ? ConfirmedOutcome.From(outcome) : null,
    };
}
