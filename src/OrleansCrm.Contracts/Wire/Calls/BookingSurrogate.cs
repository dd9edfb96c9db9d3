using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A booking in an agent's agenda (<see cref="Booking"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Booking.v1")]
public readonly record struct BookingSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] string AgentId,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset End,
    [property: Id(4)] string CallId,
    [property: Id(5)] string CampaignId,
    [property: Id(6)] string ContactId,
    [property: Id(7)] string? CustomerId,
    [property: Id(8)] string? CustomerName,
    [property: Id(9)] string? CustomerEmail,
    [property: Id(10)] string CustomerTimeZone,
    [property: Id(11)] int Status,
    [property: Id(12)] DateTimeOffset ReminderAt,
    [property: Id(13)] bool ReminderSent,
    [property: Id(14)] DateTimeOffset BookedAt,
    [property: Id(15)] string BookedBy,
    [property: Id(16)] DateTimeOffset? CancelledAt,
    [property: Id(17)] string? CancelledBy,
    [property: Id(18)] string? CallAgentId);

/// <summary>Turns a <see cref="Booking"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class BookingConverter : IConverter<Booking, BookingSurrogate>
{
    public Booking ConvertFromSurrogate(in BookingSurrogate s) => new(s.Id, s.AgentId, s.Start, s.End, s.CallId, s.CampaignId, s.ContactId, s.CustomerId, s.CustomerName, s.CustomerEmail, s.CustomerTimeZone, (BookingStatus)s.Status, s.ReminderAt, s.ReminderSent, s.BookedAt, s.BookedBy, s.CancelledAt, s.CancelledBy, s.CallAgentId);

    public BookingSurrogate ConvertToSurrogate(in Booking m) => new(m.Id, m.AgentId, m.Start, m.End, m.CallId, m.CampaignId, m.ContactId, m.CustomerId, m.CustomerName, m.CustomerEmail, m.CustomerTimeZone, (int)m.Status, m.ReminderAt, m.ReminderSent, m.BookedAt, m.BookedBy, m.CancelledAt, m.CancelledBy, m.CallAgentId);
}
