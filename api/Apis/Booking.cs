using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Api.Apis;

/// <summary>An appointment in an agent's agenda as the API shows it (OpenAPI schema <c>Booking</c>, as before).</summary>
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
    string? CallAgentId = null)
{
    public static Booking From(Domain.Calls.Booking b) => new(
        b.Id, b.AgentId, b.Start, b.End, b.CallId, b.CampaignId, b.ContactId, b.CustomerId, b.CustomerName, b.CustomerEmail, b.CustomerTimeZone,
        b.Status, b.ReminderAt, b.ReminderSent, b.BookedAt, b.BookedBy, b.CancelledAt, b.CancelledBy, b.CallAgentId);
}
