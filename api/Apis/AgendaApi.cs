using OrleansCrm.Contracts.Scheduling;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;
using static OrleansCrm.Api.Apis.EndpointConventions;

namespace OrleansCrm.Api.Apis;

public static class AgendaApi
{
    public static IEndpointRouteBuilder MapAgendaApi(this IEndpointRouteBuilder app)
    {
        const int bad = StatusCodes.Status400BadRequest, missing = StatusCodes.Status404NotFound, conflict = StatusCodes.Status409Conflict;
        var agents = app.MapGroup("/api/v1/agents/{agentId}").WithTags("Agendas").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();
        agents.MapGet("/agenda", GetAgenda).WithName("GetAgentAgenda")
            .WithSummary("Bookings and free slots of the agent between from and to (default: the next 7 days; at most 62 days)").ProducesProblems(bad);
        agents.MapGet("/", GetAgent).WithName("GetAgent").WithSummary("The agent's name, email (for manager copies) and agenda settings").ProducesProblems(bad);
        agents.MapPut("/", PutAgent).RequireAuthorization(Roles.SupervisorOrAdmin).WithName("PutAgent")
            .WithSummary("Set the agent's name, email and agenda: timeZone, dayStart, dayEnd, slotMinutes, workDays (supervisor, admin)").ProducesProblems(bad);

        var bookings = app.MapGroup("/api/v1/bookings").WithTags("Agendas").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();
        bookings.MapGet("/{bookingId}", GetBooking).WithName("GetBooking").WithSummary("One booking").ProducesProblems(bad, missing);
        bookings.MapPost("/{bookingId}/cancel", CancelBooking).WithName("CancelBooking")
            .WithSummary("Cancel the booking: the slot is free again, its reminder is cancelled, the customer is told").ProducesProblems(bad, missing, conflict);
        return app;
    }

    public static async Task<Ok<AgendaView>> GetAgenda(string agentId, QueryInstant? from, QueryInstant? to, IGrainFactory grains, CrmClock clock)
    {
        var start = from?.Value ?? clock.GetUtcNow();
        return TypedResults.Ok(AgendaView.From(await grains.GetGrain<IAgentGrain>(PathId("agentId", agentId)).GetAgendaAsync(start, to?.Value ?? start.AddDays(7))));
    }

    public static async Task<Ok<AgentProfile>> GetAgent(string agentId, IGrainFactory grains) =>
        TypedResults.Ok(AgentProfile.From(await grains.GetGrain<IAgentGrain>(PathId("agentId", agentId)).GetProfileAsync()));

    public static async Task<Ok<AgentProfile>> PutAgent(string agentId, AgentProfile body, IGrainFactory grains)
    {
        var agent = grains.GetGrain<IAgentGrain>(PathId("agentId", agentId));
        return TypedResults.Ok(AgentProfile.From(await agent.PutProfileAsync(body.ToCommand())));
    }

    public static async Task<Ok<Booking>> GetBooking(string bookingId, IGrainFactory grains) =>
        TypedResults.Ok(Booking.From(await Agenda(bookingId, grains).GetBookingAsync(bookingId) ?? throw DomainException.NotFound("Booking", bookingId)));

    public static async Task<Ok<Booking>> CancelBooking(string bookingId, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(Booking.From(await Agenda(bookingId, grains).CancelBookingAsync(bookingId, user.Actor())));

    /// <summary>
    /// The agenda a booking id names. The id holds its agent's id, which may itself be an id's full length, so the
    /// agent's part and the rest (<c>bk-</c>, the slot, the number) are each checked as an id, never the whole.
    /// </summary>
    private static IAgentGrain Agenda(string bookingId, IGrainFactory grains)
    {
        var agent = BookingIds.AgentOf(bookingId);
        PathId("bookingId", agent is null ? bookingId : bookingId.Remove("bk-".Length, agent.Length));
        PathId("bookingId", agent ?? throw DomainException.NotFound("Booking", bookingId));
        return grains.GetGrain<IAgentGrain>(agent);
    }
}
