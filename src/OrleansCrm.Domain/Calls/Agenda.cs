using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// An agent's agenda: its bookings and the slots open calls hold while their drafts name them. It keeps the rule of
/// appointments — a booking takes a free slot of the grid, never one booked or held by another open call — and knows
/// which booking reminders are still to send. Holds live only as long as the agenda in memory (an open call's draft
/// names its slot again when saved).
/// </summary>
public sealed class Agenda
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(62);

    private readonly List<Booking> bookings;

    /// <summary>Where each booking stands in <see cref="bookings"/>, by id.</summary>
    private readonly Dictionary<string, int> bookingIndex = new(StringComparer.Ordinal);
    private readonly List<BookingReminder> reminders;

    /// <summary>Where each template reminder stands in <see cref="reminders"/>, by booking and template: a settle or a check is one look-up, not a scan.</summary>
    private readonly Dictionary<(string BookingId, string TemplateId), int> reminderIndex = [];

    /// <summary>The bookings whose templates planned reminders of their own (their built-in reminder is never sent).</summary>
    private readonly HashSet<string> bookingsWithTemplateReminders = new(StringComparer.Ordinal);
    private readonly Dictionary<DateTimeOffset, SlotHold> holds = [];

    public Agenda(string agentId, AgendaSettings settings, IEnumerable<Booking> bookings, IEnumerable<BookingReminder>? reminders = null)
    {
        AgentId = agentId;
        Settings = settings;
        this.bookings = [.. bookings];
        for (var i = 0; i < this.bookings.Count; i++)
        {
            bookingIndex[this.bookings[i].Id] = i;
        }

        this.reminders = [];
        foreach (var reminder in reminders ?? [])
        {
            Add(reminder);
        }
    }

    public string AgentId { get; }

    public AgendaSettings Settings { get; private set; }

    /// <summary>Every booking, in the order they were made (booked and cancelled).</summary>
    public IReadOnlyList<Booking> Bookings => bookings;

    /// <summary>The campaign templates' reminders of the bookings: planned, sent, skipped or dropped.</summary>
    public IReadOnlyList<BookingReminder> TemplateReminders => reminders;

    /// <summary>The agent's profile changed: new working hours, days or slot length.</summary>
    public void Reschedule(AgendaSettings settings) => Settings = settings;

    /// <summary>The agenda over [<paramref name="from"/>, <paramref name="to"/>): at most <see cref="MaxRange"/> at a time.</summary>
    public (IReadOnlyList<Booking> Bookings, IReadOnlyList<DateTimeOffset> FreeSlots) Between(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var v = new Validator();
        if (to <= from)
        {
            v.Add("to", "must be later than from.");
        }
        else if (to - from > MaxRange)
        {
            v.Add("to", $"an agenda is read at most {MaxRange.TotalDays:0} days at a time.");
        }

        v.ThrowIfInvalid();
        var inRange = bookings.Where(b => b.Start < to && b.End > from).OrderBy(b => b.Start).ToList();
        var free = AgendaRules.Slots(Settings, from, to).Where(s => s > now && IsFree(s, callId: null, now)).ToList();
        return (inRange, free);
    }

    /// <summary>An open call's draft names a free slot: it is held for the call until <paramref name="until"/>; the call's earlier hold is let go.</summary>
    public void Hold(DateTimeOffset start, string callId, DateTimeOffset until, DateTimeOffset now)
    {
        AgendaRules.CheckSlot(Settings, start, now, "appointment.start");
        EnsureFree(start, callId, now);
        ReleaseHold(callId);
        holds[start] = new SlotHold(callId, until);
    }

    public void ReleaseHold(string callId)
    {
        foreach (var start in holds.Where(h => h.Value.CallId == callId).Select(h => h.Key).ToList())
        {
            holds.Remove(start);
        }
    }

    /// <summary>The booking a call already made, if it is still on: booking again for the same call returns it.</summary>
    public Booking? BookedFor(string callId) => bookings.FirstOrDefault(b => b.CallId == callId && b.Status == BookingStatus.Booked);

    /// <summary>
    /// Never two bookings in one slot: the slot must be on the grid, ahead, not booked and not held by another open
    /// call. The booking's reminder is planned for the day before, on the customer's wall clock; the call's hold goes.
    /// </summary>
    public Booking Book(BookingRequest request, DateTimeOffset now)
    {
        if (BookedFor(request.CallId) is { } booked)
        {
            return booked;
        }

        AgendaRules.CheckSlot(Settings, request.Start, now, "draft.appointment.start");
        EnsureFree(request.Start, request.CallId, now);
        var booking = new Booking(
            BookingIds.New(AgentId, request.Start, bookings.Count + 1),
            AgentId,
            request.Start,
            request.Start.AddMinutes(Settings.SlotMinutes),
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
        bookingIndex[booking.Id] = bookings.Count;
        bookings.Add(booking);
        ReleaseHold(request.CallId);
        return booking;
    }

    /// <summary>Cancelling a booking (its agent, who booked it, supervisors and admins may) cancels its reminder; a booking is cancelled once.</summary>
    public Booking Cancel(string bookingId, string userId, bool isAgent, DateTimeOffset now)
    {
        if (!bookingIndex.TryGetValue(bookingId, out var index))
        {
            throw DomainException.NotFound("Booking", bookingId);
        }

        var booking = bookings[index];
        CallAccess.CheckCancel(booking, userId, isAgent);
        if (booking.Status == BookingStatus.Cancelled)
        {
            throw DomainException.Conflict("Booking already cancelled", $"Booking '{bookingId}' was cancelled at {booking.CancelledAt:O} by {booking.CancelledBy}.");
        }

        var cancelled = booking with { Status = BookingStatus.Cancelled, CancelledAt = now, CancelledBy = userId };
        bookings[index] = cancelled;
        return cancelled;
    }

    public Booking? Find(string bookingId) => bookingIndex.TryGetValue(bookingId, out var index) ? bookings[index] : null;

    /// <summary>The booking reminders due by <paramref name="now"/> and not sent yet.</summary>
    public IReadOnlyList<Booking> RemindersDue(DateTimeOffset now) => bookings.Where(b => IsPendingReminder(b) && b.ReminderAt <= now).ToList();

    /// <summary>A reminder is sent once.</summary>
    public void ReminderSent(string bookingId)
    {
        var index = bookingIndex[bookingId];
        bookings[index] = bookings[index] with { ReminderSent = true };
    }

    /// <summary>
    /// A booking's reminders from its campaign's templates (planned once, when it is booked): they take the place of
    /// the built-in reminder, which is then never sent for it.
    /// </summary>
    public void PlanTemplateReminders(string bookingId, IEnumerable<BookingReminder> planned)
    {
        if (bookingsWithTemplateReminders.Contains(bookingId))
        {
            return;
        }

        foreach (var reminder in planned.Where(r => r.BookingId == bookingId))
        {
            Add(reminder);
        }
    }

    /// <summary>
    /// A reminder template of the campaign was saved after bookings were made: each booking of the campaign gets the
    /// reminder <see cref="BookingMessages.Replanned"/> gives it. Returns the reminders that changed (one look-up per booking).
    /// </summary>
    public IReadOnlyList<BookingReminder> ReplanTemplateReminders(string campaignId, VersionedTemplate template, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        var changed = new List<BookingReminder>();
        foreach (var booking in bookings.Where(b => b.CampaignId == campaignId))
        {
            var found = reminderIndex.TryGetValue((booking.Id, template.Id), out var index);
            if (BookingMessages.Replanned(booking, template, found ? reminders[index] : null, now) is not { } replanned)
            {
                continue;
            }

            if (found)
            {
                reminders[index] = replanned;
            }
            else
            {
                Add(replanned);
            }

            changed.Add(replanned);
        }

        return changed;
    }

    /// <summary>Whether the agenda holds a booking of the campaign (booked or cancelled).</summary>
    public bool HasBookingsOf(string campaignId) => bookings.Any(b => b.CampaignId == campaignId);

    /// <summary>The template reminders of one booking, in the order they were planned.</summary>
    public IReadOnlyList<BookingReminder> TemplateRemindersOf(string bookingId) => [.. reminders.Where(r => r.BookingId == bookingId)];

    /// <summary>The template reminders due by <paramref name="now"/> and still planned (cancelled bookings too: they are re-checked when due).</summary>
    public IReadOnlyList<BookingReminder> TemplateRemindersDue(DateTimeOffset now) => reminders.Where(r => r.Status == BookingReminderStatus.Planned && r.DueAt <= now).ToList();

    /// <summary>
    /// The due reminders one turn settles: at most <paramref name="limit"/>, the earliest first (the built-in ones, then
    /// the templates'), and whether more are due. A turn is bounded (a grain call's timeout), so a day with hundreds of
    /// meetings is reminded in several turns, each reminder once.
    /// </summary>
    public DueReminders NextDue(DateTimeOffset now, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var builtIn = RemindersDue(now);
        var templates = TemplateRemindersDue(now);
        var firstBuiltIn = builtIn.OrderBy(b => b.ReminderAt).Take(limit).ToList();
        var firstTemplates = templates.OrderBy(r => r.DueAt).Take(limit - firstBuiltIn.Count).ToList();
        return new DueReminders(firstBuiltIn, firstTemplates, builtIn.Count + templates.Count > limit);
    }

    /// <summary>A due template reminder is settled once: sent, or dropped with the reason.</summary>
    public void TemplateReminderSettled(BookingReminder reminder, string? droppedBecause)
    {
        var index = reminderIndex[(reminder.BookingId, reminder.TemplateId)];
        reminders[index] = droppedBecause is null
            ? reminders[index] with { Status = BookingReminderStatus.Sent }
            : reminders[index] with { Status = BookingReminderStatus.Dropped, Reason = droppedBecause };
    }

    /// <summary>When the next booking reminder (built-in or a template's) is due; null when none is pending. One pass over each list.</summary>
    public DateTimeOffset? NextReminderAt()
    {
        DateTimeOffset? next = null;
        foreach (var b in bookings)
        {
            if (IsPendingReminder(b) && (next is null || b.ReminderAt < next))
            {
                next = b.ReminderAt;
            }
        }

        foreach (var r in reminders)
        {
            if (r.Status == BookingReminderStatus.Planned && (next is null || r.DueAt < next))
            {
                next = r.DueAt;
            }
        }

        return next;
    }

    /// <summary>
    /// The built-in reminder is sent for a booking still on, not yet reminded, whose reminder time was still ahead when
    /// it was booked, and whose campaign's templates did not plan reminders of their own for it.
    /// </summary>
    private bool IsPendingReminder(Booking b) =>
        b.Status == BookingStatus.Booked && !b.ReminderSent && b.ReminderAt > b.BookedAt && !bookingsWithTemplateReminders.Contains(b.Id);

    private void Add(BookingReminder reminder)
    {
        reminderIndex[(reminder.BookingId, reminder.TemplateId)] = reminders.Count;
        reminders.Add(reminder);
        bookingsWithTemplateReminders.Add(reminder.BookingId);
    }

    private bool IsFree(DateTimeOffset start, string? callId, DateTimeOffset now) =>
        !bookings.Any(b => b.Status == BookingStatus.Booked && b.Start == start)
        && !(holds.TryGetValue(start, out var hold) && hold.CallId != callId && hold.Until > now);

    private void EnsureFree(DateTimeOffset start, string callId, DateTimeOffset now)
    {
        if (bookings.Any(b => b.Status == BookingStatus.Booked && b.Start == start))
        {
            throw DomainException.Conflict("Slot taken", $"Agent '{AgentId}' already has a booking at {start:O}.");
        }

        if (holds.TryGetValue(start, out var hold) && hold.CallId != callId && hold.Until > now)
        {
            throw DomainException.Conflict("Slot held", $"The slot at {start:O} in agent '{AgentId}''s agenda is held by another open call.");
        }
    }

    private readonly record struct SlotHold(string CallId, DateTimeOffset Until);
}
