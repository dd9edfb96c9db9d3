using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A T outcome's booking request (<see cref="BookingRequest"/>) as it crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.BookingRequest")]
public readonly record struct BookingRequestSurrogate(
    [property: Id(0)] string CallId,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] string CampaignId,
    [property: Id(3)] string ContactId,
    [property: Id(4)] string? CustomerId,
    [property: Id(5)] string? CustomerName,
    [property: Id(6)] string? CustomerEmail,
    [property: Id(7)] string CustomerTimeZone,
    [property: Id(8)] string BookedBy,
    [property: Id(9)] string? CallAgentId);

/// <summary>Turns a <see cref="BookingRequest"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class BookingRequestConverter : IConverter<BookingRequest, BookingRequestSurrogate>
{
    public BookingRequest ConvertFromSurrogate(in BookingRequestSurrogate s) =>
        new(s.CallId, s.Start, s.CampaignId, s.ContactId, s.CustomerId, s.CustomerName, s.CustomerEmail, s.CustomerTimeZone, s.BookedBy, s.CallAgentId);

    public BookingRequestSurrogate ConvertToSurrogate(in BookingRequest m) =>
        new(m.CallId, m.Start, m.CampaignId, m.ContactId, m.CustomerId, m.CustomerName, m.CustomerEmail, m.CustomerTimeZone, m.BookedBy, m.CallAgentId);
}
