namespace OrleansCrm.Contracts;

/// <summary>What booking a slot takes: the slot, the call (and its agent), and who the appointment is with.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.BookingRequest")]
public sealed record BookingRequest(
    [property: Id(0)] string CallId,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] string CampaignId,
    [property: Id(3)] string ContactId,
    [property: Id(4)] string? CustomerId,
    [property: Id(5)] string? CustomerName,
    [property: Id(6)] string? CustomerEmail,
    [property: Id(7)] string CustomerTimeZone,
    [property: Id(8)] string BookedBy,
    [property: Id(9)] string? CallAgentId = null);
