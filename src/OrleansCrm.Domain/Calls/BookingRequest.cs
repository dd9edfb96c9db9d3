namespace OrleansCrm.Domain.Calls;

/// <summary>What booking a slot takes: the slot, the call (and its agent), and who the appointment is with.</summary>
public sealed record BookingRequest(
    string CallId,
    DateTimeOffset Start,
    string CampaignId,
    string ContactId,
    string? CustomerId,
    string? CustomerName,
    string? CustomerEmail,
    string CustomerTimeZone,
    string BookedBy,
    string? CallAgentId = null);
