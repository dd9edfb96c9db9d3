namespace OrleansCrm.Api.Apis;

/// <summary>An agenda over a range as the API shows it (OpenAPI schema <c>AgendaView</c>): its settings, the bookings, the free slots.</summary>
public sealed record AgendaView(string AgentId, AgendaSettings Settings, IReadOnlyList<Booking> Bookings, IReadOnlyList<DateTimeOffset> FreeSlots)
{
    public static AgendaView From(Contracts.AgendaView agenda) =>
        new(agenda.AgentId, AgendaSettings.From(agenda.Settings), agenda.Bookings.Select(Booking.From).ToList(), agenda.FreeSlots);
}
