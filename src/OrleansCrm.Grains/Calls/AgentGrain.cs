using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Calls;

/// <summary>
/// An agent's agenda: one grain per agent, so bookings of one agenda happen one at a time and a slot is never
/// booked twice. Open calls hold slots in memory while their drafts name them. The booking reminders are the
/// grain's scheduled work (one reminder, at the earliest one due), which every way in first makes sure is armed
/// (<see cref="ReconcilingGrain"/>).
/// </summary>
public sealed class AgentGrain(
    [PersistentState(StorageNames.AgentState, StorageNames.Crm)] IPersistentState<AgentState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    IEmailOutbox outbox)
    : ReconcilingGrain, IAgentGrain, IRemindable
{
    public static readonly TimeSpan MaxAgendaRange = TimeSpan.FromDays(62);

    private readonly Dictionary<DateTimeOffset, (string CallId, DateTimeOffset Until)> holds = [];

    private string AgentId => this.GetPrimaryKeyString();

    private AgentProfile Profile => state.State.Profile ?? new AgentProfile(null, null, AgendaSettings.Default);

    private AgendaSettings Settings => Profile.Agenda ?? AgendaSettings.Default;

    public Task<AgentProfile> GetProfileAsync() => Task.FromResult(Profile);

    public async Task<AgentProfile> PutProfileAsync(AgentProfile profile)
    {
        state.State.Profile = profile.Validated();
        await SaveAsync();
        return Profile;
    }

    public Task<AgendaView> GetAgendaAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var v = new Validator();
        if (to <= from)
        {
            v.Add("to", "must be later than from.");
        }
        else if (to - from > MaxAgendaRange)
        {
            v.Add("to", $"an agenda is read at most {MaxAgendaRange.TotalDays:0} days at a time.");
        }

        v.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        var bookings = state.State.Bookings.Where(b => b.Start < to && b.End > from).OrderBy(b => b.Start).ToList();
        var free = AgendaRules.Slots(Settings, from, to).Where(s => s > now && IsFree(s, callId: null, now)).ToList();
        return Task.FromResult(new AgendaView(AgentId, Settings, bookings, free));
    }

    public Task HoldAsync(DateTimeOffset start, string callId, DateTimeOffset until)
    {
        var now = clock.GetUtcNow();
        AgendaRules.CheckSlot(Settings, start, now, "appointment.start");
        EnsureFree(start, callId, now);
        ReleaseHolds(callId);
        holds[start] = (callId, until);
        return Task.CompletedTask;
    }

    public Task ReleaseHoldAsync(string callId)
    {
        ReleaseHolds(callId);
        return Task.CompletedTask;
    }

    public async Task<Booking> BookAsync(BookingRequest request)
    {
        if (state.State.Bookings.FirstOrDefault(b => b.CallId == request.CallId && b.Status == BookingStatus.Booked) is { } booked)
        {
            await SendAsync(booked, "confirmation", CallEmails.BookingConfirmation);
            return booked;
        }

        var now = clock.GetUtcNow();
        AgendaRules.CheckSlot(Settings, request.Start, now, "draft.appointment.start");
        EnsureFree(request.Start, request.CallId, now);
        var booking = new Booking(
            BookingIds.New(AgentId, request.Start, state.State.Bookings.Count + 1),
            AgentId,
            request.Start,
            request.Start.AddMinutes(Settings.SlotMinutes!.Value),
            request.CallId,
            request.CampaignId,
            request.ContactId,
            request.CustomerId,
            request.CustomerName,
            request.CustomerEmail,
            request.CustomerTimeZone,
            BookingStatus.Booked,
            BookingReminderPlan.ReminderAt(request.Start, request.CustomerTimeZone),
            ReminderSent: false,
            now,
            request.BookedBy,
            CallAgentId: request.CallAgentId);
        state.State.Bookings.Add(booking);
        ReleaseHolds(request.CallId);
        await SaveAsync();
        await SendAsync(booking, "confirmation", CallEmails.BookingConfirmation);
        return booking;
    }

    public async Task<Booking> CancelBookingAsync(string bookingId, Actor by)
    {
        var index = state.State.Bookings.FindIndex(b => b.Id == bookingId);
        if (index < 0)
        {
            throw DomainException.NotFound("Booking", bookingId);
        }

        var booking = state.State.Bookings[index];
        CallAccess.CheckCancel(booking, by.UserId, by.IsAgent);
        if (booking.Status == BookingStatus.Cancelled)
        {
            throw DomainException.Conflict("Booking already cancelled", $"Booking '{bookingId}' was cancelled at {booking.CancelledAt:O} by {booking.CancelledBy}.");
        }

        var cancelled = booking with { Status = BookingStatus.Cancelled, CancelledAt = clock.GetUtcNow(), CancelledBy = by.UserId };
        state.State.Bookings[index] = cancelled;
        await SaveAsync();
        await SendAsync(cancelled, "cancelled", CallEmails.BookingCancelled);
        return cancelled;
    }

    public Task<Booking?> GetBookingAsync(string bookingId) =>
        Task.FromResult(state.State.Bookings.FirstOrDefault(b => b.Id == bookingId));

    /// <summary>Sends every booking reminder that is due (each at most once: the outbox keys it by the booking).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var now = clock.GetUtcNow();
        var due = state.State.Bookings.Where(b => IsPendingReminder(b) && b.ReminderAt <= now).ToList();
        foreach (var booking in due)
        {
            await SendAsync(booking, "reminder", CallEmails.BookingReminder);
            var index = state.State.Bookings.FindIndex(b => b.Id == booking.Id);
            state.State.Bookings[index] = booking with { ReminderSent = true };
        }

        if (due.Count > 0)
        {
            state.State.Version++;
            await state.WriteStateAsync();
        }

        await ArmAsync();
        MarkReconciled();
    }

    /// <summary>The booking reminders still to send have the reminder armed; an agenda without bookings has none to check.</summary>
    protected override Task ReconcileAsync() =>
        state.State.Bookings.Count == 0 ? Task.CompletedTask : scheduler.EnsureArmedAsync(this, NextReminderAt());

    /// <summary>A reminder is sent for a booking still on, not yet reminded, whose reminder time was still ahead when it was booked.</summary>
    private static bool IsPendingReminder(Booking b) => b.Status == BookingStatus.Booked && !b.ReminderSent && b.ReminderAt > b.BookedAt;

    private async Task SaveAsync()
    {
        state.State.Version++;
        await state.WriteStateAsync();
        await ArmAsync();
        MarkReconciled();
    }

    private Task ArmAsync() => scheduler.ArmAsync(this, NextReminderAt());

    private DateTimeOffset? NextReminderAt() => state.State.Bookings.Where(IsPendingReminder).Select(b => (DateTimeOffset?)b.ReminderAt).Min();

    private async Task SendAsync(Booking booking, string what, Func<Booking, string, (string Subject, string Body)> text)
    {
        if (booking.CustomerEmail is null)
        {
            return;
        }

        var (subject, body) = text(booking, Profile.Name ?? AgentId);
        await outbox.SendAsync(new EmailMessage($"booking:{booking.Id}:{what}", booking.CustomerEmail, booking.CustomerName, subject, body));
    }

    private bool IsFree(DateTimeOffset start, string? callId, DateTimeOffset now) =>
        !state.State.Bookings.Any(b => b.Status == BookingStatus.Booked && b.Start == start)
        && !(holds.TryGetValue(start, out var hold) && hold.CallId != callId && hold.Until > now);

    private void EnsureFree(DateTimeOffset start, string callId, DateTimeOffset now)
    {
        if (state.State.Bookings.Any(b => b.Status == BookingStatus.Booked && b.Start == start))
        {
            throw DomainException.Conflict("Slot taken", $"Agent '{AgentId}' already has a booking at {start:O}.");
        }

        if (holds.TryGetValue(start, out var hold) && hold.CallId != callId && hold.Until > now)
        {
            throw DomainException.Conflict("Slot held", $"The slot at {start:O} in agent '{AgentId}''s agenda is held by another open call.");
        }
    }

    private void ReleaseHolds(string callId)
    {
        foreach (var start in holds.Where(h => h.Value.CallId == callId).Select(h => h.Key).ToList())
        {
            holds.Remove(start);
        }
    }
}
