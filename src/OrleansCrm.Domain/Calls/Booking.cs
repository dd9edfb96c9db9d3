namespace OrleansCrm.Domain.Calls;

/// <summary>An appointment in an agent's agenda, booked by a T outcome, with its reminder to the customer.</summary>
public sealed record Booking(
    string Id,
    string AgentId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string CallId,
    string CampaignId,
    string ContactId,
    string? CustomerId,
    string? CustomerName,
    string? CustomerEmail,
    string CustomerTimeZone,
    BookingStatus Status,
    DateTimeOffset ReminderAt,
    bool ReminderSent,
    DateTimeOffset BookedAt,
    string BookedBy,
    DateTimeOffset? CancelledAt = null,
    string? CancelledBy = null,
    string? CallAgentId = null);
