using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Calls;

/// <summary>
/// An agent's agenda: one grain per agent, so bookings of one agenda happen one at a time and a slot is never
/// booked twice (the rules are the domain's <see cref="Agenda"/>; it also keeps the slots open calls hold, in
/// memory). The booking reminders are the grain's scheduled work (one reminder, at the earliest one due), which
/// every way in first makes sure is armed (<see cref="ReconcilingGrain"/>).
/// </summary>
public sealed class AgentGrain(
    [PersistentState(StorageNames.AgentState, StorageNames.Crm)] IPersistentState<AgentState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    IEmailOutbox outbox)
    : ReconcilingGrain, IAgentGrain, IRemindable
{
    private Agenda? agenda;

    private string AgentId => this.GetPrimaryKeyString();

    private AgentProfile Profile => state.State.Profile ?? new AgentProfile(null, null, AgendaSettings.Default);

    private Agenda Agenda => agenda ??= new Agenda(AgentId, Profile.Agenda ?? AgendaSettings.Default, state.State.Bookings);

    public Task<AgentProfile> GetProfileAsync() => Task.FromResult(Profile);

    public async Task<AgentProfile> PutProfileAsync(AgentProfile profile)
    {
        state.State.Profile = profile.Validated();
        Agenda.Reschedule(Profile.Agenda ?? AgendaSettings.Default);
        await SaveAsync();
        return Profile;
    }

    public Task<AgendaView> GetAgendaAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var (bookings, free) = Agenda.Between(from, to, clock.GetUtcNow());
        return Task.FromResult(new AgendaView(AgentId, Agenda.Settings, bookings, free));
    }

    public Task HoldAsync(DateTimeOffset start, string callId, DateTimeOffset until)
    {
        Agenda.Hold(start, callId, until, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task ReleaseHoldAsync(string callId)
    {
        Agenda.ReleaseHold(callId);
        return Task.CompletedTask;
    }

    public async Task<Booking> BookAsync(BookingRequest request)
    {
        if (Agenda.BookedFor(request.CallId) is { } booked)
        {
            await SendAsync(booked, "confirmation", CallEmails.BookingConfirmation);
            return booked;
        }

        var booking = Agenda.Book(request, clock.GetUtcNow());
        await SaveAsync();
        await SendAsync(booking, "confirmation", CallEmails.BookingConfirmation);
        return booking;
    }

    public async Task<Booking> CancelBookingAsync(string bookingId, Actor by)
    {
        var cancelled = Agenda.Cancel(bookingId, by.UserId, by.IsAgent, clock.GetUtcNow());
        await SaveAsync();
        await SendAsync(cancelled, "cancelled", CallEmails.BookingCancelled);
        return cancelled;
    }

    public Task<Booking?> GetBookingAsync(string bookingId) => Task.FromResult(Agenda.Find(bookingId));

    /// <summary>Sends every booking reminder that is due (each at most once: the outbox keys it by the booking).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Armed.TickArrived();
        var due = Agenda.RemindersDue(clock.GetUtcNow());
        foreach (var booking in due)
        {
            await SendAsync(booking, "reminder", CallEmails.BookingReminder);
            Agenda.ReminderSent(booking.Id);
        }

        if (due.Count > 0)
        {
            await WriteAsync();
        }

        await ArmAsync();
        MarkReconciled();
    }

    /// <summary>The booking reminders still to send have the reminder armed; an agenda without bookings has none to check.</summary>
    protected override Task ReconcileAsync() => Agenda.Bookings.Count == 0 ? Task.CompletedTask : ArmAsync();

    private async Task SaveAsync()
    {
        await WriteAsync();
        await ArmAsync();
        MarkReconciled();
    }

    /// <summary>The agenda's bookings are what the state stores, with the reminder planned for them (armed after the write).</summary>
    private async Task WriteAsync()
    {
        state.State.Bookings = [.. Agenda.Bookings];
        state.State.Version++;
        scheduler.Plan(state.State.Armed, Agenda.NextReminderAt());
        await state.WriteStateAsync();
    }

    /// <summary>Arms for the next booking reminder: a reminder write only when that moved (or this activation finds it missing or late).</summary>
    private Task ArmAsync()
    {
        scheduler.Plan(state.State.Armed, Agenda.NextReminderAt());
        return scheduler.ArmAsPlannedAsync(this, state.State.Armed);
    }

    private async Task SendAsync(Booking booking, string what, Func<Booking, string, (string Subject, string Body)> text)
    {
        if (booking.CustomerEmail is null)
        {
            return;
        }

        var (subject, body) = text(booking, Profile.Name ?? AgentId);
        await outbox.SendAsync(new EmailMessage($"booking:{booking.Id}:{what}", booking.CustomerEmail, booking.CustomerName, subject, body, Context: new MessageContext(booking.CustomerId, null, booking.CallId)));
    }
}
