using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Contracts;

/// <summary>An agent's agenda and profile, keyed by agent id.</summary>
[Alias("OrleansCrm.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    [Alias("GetProfile"), Orleans.Concurrency.AlwaysInterleave]
    [return: Immutable]
    Task<AgentProfile> GetProfileAsync();

    [Alias("PutProfile")]
    [return: Immutable]
    Task<AgentProfile> PutProfileAsync([Immutable] AgentProfile profile);

    [Alias("Agenda")]
    [return: Immutable]
    Task<AgendaView> GetAgendaAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Holds a free slot for an open call's draft until <paramref name="until"/>; the call's earlier hold is let go.</summary>
    [Alias("Hold")]
    Task HoldAsync(DateTimeOffset start, string callId, DateTimeOffset until);

    [Alias("ReleaseHold")]
    Task ReleaseHoldAsync(string callId);

    /// <summary>Books the slot for the call (once: booking again for the same call returns the booking); a taken slot is a conflict.</summary>
    [Alias("Book")]
    [return: Immutable]
    Task<Booking> BookAsync([Immutable] BookingRequest request);

    /// <summary>Cancels the booking when the asker may (<see cref="CallAccess.CheckCancel"/>).</summary>
    [Alias("CancelBookingBy")]
    [return: Immutable]
    Task<Booking> CancelBookingAsync(string bookingId, Actor by);

    /// <summary>
    /// A reminder template of the campaign was saved: the agent's future bookings of the campaign get its reminder
    /// planned (or moved to its new offset); one whose time has already passed is skipped and recorded, never sent.
    /// </summary>
    [Alias("ReplanReminders")]
    Task ReplanRemindersAsync(string campaignId, [Immutable] Stored<MessageTemplate> template);

    [Alias("GetBooking")]
    [return: Immutable]
    Task<Booking?> GetBookingAsync(string bookingId);
}
