using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts;

/// <summary>An agenda over a range: its settings, the bookings, and the slots still free.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.AgendaView")]
public sealed record AgendaView(
    [property: Id(0)] string AgentId,
    [property: Id(1)] AgendaSettings Settings,
    [property: Id(2)] IReadOnlyList<Booking> Bookings,
    [property: Id(3)] IReadOnlyList<DateTimeOffset> FreeSlots);
