using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

/// <summary>PRODUCT.md §3 Appointments: booking takes a free slot (never two bookings in one slot), schedules the reminder; cancelling cancels it.</summary>
public sealed class AgendaTests
{
    /// <summary>Monday 2 March 2026, 06:00 UTC; the default agenda is 09:00–17:00 UTC, Monday–Friday, 30-minute slots.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Wednesday10 = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private static Agenda Empty() => new("agent-ann", AgendaSettings.Default, []);

    private static BookingRequest Request(string callId, DateTimeOffset? start = null, string? email = "maria@example.com") =>
        new(callId, start ?? Wednesday10, "camp-1", "lead-1", "cust-1", "Maria Rossi", email, "Europe/Rome", "agent-ann", "agent-ann");

    private static DomainException Conflict(Action action)
    {
        var refusal = Assert.Throws<DomainException>(action);
        Assert.Equal(ProblemKind.Conflict, refusal.Kind);
        return refusal;
    }

    [Fact]
    public void Booking_takes_a_free_slot_of_the_slot_length_and_plans_the_reminder_for_13_00_the_day_before_on_the_customers_clock()
    {
        var agenda = Empty();

        var booking = agenda.Book(Request("call-1"), Now);

        Assert.Equal(BookingStatus.Booked, booking.Status);
        Assert.Equal(Wednesday10.AddMinutes(30), booking.End);
        Assert.Equal(BookingReminderPlan.ReminderAt(Wednesday10, "Europe/Rome"), booking.ReminderAt);
        Assert.StartsWith("bk-agent-ann-202603041000-", booking.Id, StringComparison.Ordinal);
        Assert.Equal("agent-ann", BookingIds.AgentOf(booking.Id));
        Assert.Equal([booking], agenda.Bookings);
        Assert.Equal(booking.ReminderAt, agenda.NextReminderAt());
    }

    [Fact]
    public void A_slot_is_never_booked_twice()
    {
        var agenda = Empty();
        agenda.Book(Request("call-1"), Now);

        Assert.Equal("Slot taken", Conflict(() => agenda.Book(Request("call-2"), Now)).Title);
        Assert.Equal("Slot taken", Conflict(() => agenda.Hold(Wednesday10, "call-2", Now.AddHours(1), Now)).Title);
    }

    [Fact]
    public void Booking_again_for_the_same_call_returns_the_first_booking()
    {
        var agenda = Empty();
        var first = agenda.Book(Request("call-1"), Now);

        Assert.Same(first, agenda.BookedFor("call-1"));
        Assert.Same(first, agenda.Book(Request("call-1", Wednesday10.AddHours(1)), Now));
        Assert.Single(agenda.Bookings);
    }

    [Fact]
    public void A_slot_held_by_another_open_call_is_neither_booked_nor_held_by_a_second_call()
    {
        var agenda = Empty();
        agenda.Hold(Wednesday10, "call-1", Now.AddHours(1), Now);

        Assert.Equal("Slot held", Conflict(() => agenda.Book(Request("call-2"), Now)).Title);
        Assert.Equal("Slot held", Conflict(() => agenda.Hold(Wednesday10, "call-2", Now.AddHours(1), Now)).Title);
        Assert.DoesNotContain(Wednesday10, agenda.Between(Wednesday10.AddHours(-1), Wednesday10.AddHours(1), Now).FreeSlots);
    }

    [Fact]
    public void The_call_holding_a_slot_books_it_and_its_hold_goes_with_the_booking()
    {
        var agenda = Empty();
        agenda.Hold(Wednesday10, "call-1", Now.AddHours(1), Now);

        var booking = agenda.Book(Request("call-1"), Now);
        agenda.Cancel(booking.Id, "sup-1", isAgent: false, Now);

        agenda.Hold(Wednesday10, "call-2", Now.AddHours(1), Now);
    }

    [Fact]
    public void A_hold_past_its_time_frees_the_slot()
    {
        var agenda = Empty();
        agenda.Hold(Wednesday10, "call-1", Now.AddMinutes(10), Now);

        var booking = agenda.Book(Request("call-2"), Now.AddMinutes(11));

        Assert.Equal("call-2", booking.CallId);
    }

    [Fact]
    public void Holding_another_slot_lets_the_calls_earlier_hold_go_and_releasing_frees_it()
    {
        var agenda = Empty();
        agenda.Hold(Wednesday10, "call-1", Now.AddHours(1), Now);
        agenda.Hold(Wednesday10.AddHours(1), "call-1", Now.AddHours(1), Now);

        agenda.Hold(Wednesday10, "call-2", Now.AddHours(1), Now);
        agenda.ReleaseHold("call-1");
        agenda.Hold(Wednesday10.AddHours(1), "call-3", Now.AddHours(1), Now);
    }

    [Fact]
    public void A_slot_in_the_past_or_off_the_grid_is_refused_as_bad_input()
    {
        var agenda = Empty();

        Refusals.OnlyFor("appointment.start", () => agenda.Hold(Now.AddHours(-1), "call-1", Now.AddHours(1), Now));
        Refusals.OnlyFor("draft.appointment.start", () => agenda.Book(Request("call-1", Wednesday10.AddMinutes(10)), Now));
    }

    [Fact]
    public void Cancelling_a_booking_cancels_its_reminder_and_frees_its_slot()
    {
        var agenda = Empty();
        var booking = agenda.Book(Request("call-1"), Now);

        var cancelled = agenda.Cancel(booking.Id, "sup-1", isAgent: false, Now.AddHours(1));

        Assert.Equal((BookingStatus.Cancelled, Now.AddHours(1), "sup-1"), (cancelled.Status, cancelled.CancelledAt!.Value, cancelled.CancelledBy));
        Assert.Null(agenda.NextReminderAt());
        Assert.Empty(agenda.RemindersDue(booking.ReminderAt));
        Assert.Null(agenda.BookedFor("call-1"));
        Assert.Equal("call-2", agenda.Book(Request("call-2"), Now).CallId);
    }

    [Fact]
    public void A_booking_is_cancelled_once_and_an_unknown_one_is_not_found()
    {
        var agenda = Empty();
        var booking = agenda.Book(Request("call-1"), Now);
        agenda.Cancel(booking.Id, "sup-1", isAgent: false, Now);

        Assert.Equal("Booking already cancelled", Conflict(() => agenda.Cancel(booking.Id, "sup-1", isAgent: false, Now)).Title);
        Assert.Equal(ProblemKind.NotFound, Assert.Throws<DomainException>(() => agenda.Cancel("bk-nope", "sup-1", isAgent: false, Now)).Kind);
    }

    [Fact]
    public void An_agent_cancels_only_a_booking_in_their_agenda_or_made_on_their_call()
    {
        var agenda = Empty();
        var booking = agenda.Book(Request("call-1"), Now);

        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<DomainException>(() => agenda.Cancel(booking.Id, "agent-bob", isAgent: true, Now)).Kind);
        Assert.Equal(BookingStatus.Cancelled, agenda.Cancel(booking.Id, "agent-ann", isAgent: true, Now).Status);
    }

    [Fact]
    public void A_booking_reminder_is_due_at_its_time_and_sent_once()
    {
        var agenda = Empty();
        var booking = agenda.Book(Request("call-1"), Now);

        Assert.Empty(agenda.RemindersDue(booking.ReminderAt.AddMinutes(-1)));
        Assert.Equal([booking.Id], agenda.RemindersDue(booking.ReminderAt).Select(b => b.Id));

        agenda.ReminderSent(booking.Id);

        Assert.Empty(agenda.RemindersDue(booking.ReminderAt.AddDays(1)));
        Assert.Null(agenda.NextReminderAt());
    }

    [Fact]
    public void One_turn_settles_at_most_its_share_of_the_due_reminders_earliest_first_and_says_when_more_are_due()
    {
        var agenda = Empty();
        var tuesday = Wednesday10.AddDays(-1);
        var early = agenda.Book(Request("call-early", tuesday), Now); // reminded on Monday, before the seven on Wednesday
        var wednesday = Enumerable.Range(0, 7).Select(i => agenda.Book(Request($"call-{i}", Wednesday10.AddMinutes(30 * i)), Now)).ToList();
        var dueAt = wednesday[0].ReminderAt;

        var first = agenda.NextDue(dueAt, limit: 5);

        Assert.Equal((5, true), (first.Count, first.More));
        Assert.Equal(early.Id, first.BuiltIn[0].Id);
        foreach (var booking in first.BuiltIn)
        {
            agenda.ReminderSent(booking.Id);
        }

        var second = agenda.NextDue(dueAt, limit: 5);
        Assert.Equal((3, false), (second.Count, second.More));
        Assert.Empty(second.BuiltIn.Select(b => b.Id).Intersect(first.BuiltIn.Select(b => b.Id)));
        foreach (var booking in second.BuiltIn)
        {
            agenda.ReminderSent(booking.Id);
        }

        Assert.Equal((0, false), (agenda.NextDue(dueAt, limit: 5).Count, agenda.NextDue(dueAt, limit: 5).More));
    }

    [Fact]
    public void A_reminder_whose_time_had_passed_when_the_booking_was_made_is_never_due()
    {
        var agenda = Empty();
        var lateNow = BookingReminderPlan.ReminderAt(Wednesday10, "Europe/Rome").AddMinutes(1);

        var booking = agenda.Book(Request("call-1"), lateNow);

        Assert.Empty(agenda.RemindersDue(booking.Start));
        Assert.Null(agenda.NextReminderAt());
    }

    [Fact]
    public void An_agenda_is_read_at_most_62_days_at_a_time_with_its_bookings_and_the_free_slots_ahead()
    {
        var agenda = Empty();
        var booking = agenda.Book(Request("call-1"), Now);

        var (bookings, free) = agenda.Between(Wednesday10.AddHours(-1), Wednesday10.AddHours(1), Now);

        Assert.Equal([booking], bookings);
        Assert.Equal([Wednesday10.AddHours(-1), Wednesday10.AddMinutes(-30), Wednesday10.AddMinutes(30)], free);
        Refusals.OnlyFor("to", () => agenda.Between(Now, Now.AddDays(63), Now));
        Refusals.OnlyFor("to", () => agenda.Between(Now, Now, Now));
    }

    [Fact]
    public void New_working_hours_apply_to_the_next_booking()
    {
        var agenda = Empty();
        agenda.Reschedule(new AgendaRequest("UTC", "09:00", "17:00", 60, [DayOfWeek.Wednesday]).Validated(new Validator(), "agenda"));

        Assert.Equal(Wednesday10.AddHours(1), agenda.Book(Request("call-1"), Now).End);
        Refusals.OnlyFor("draft.appointment.start", () => agenda.Book(Request("call-2", Wednesday10.AddDays(1)), Now));
    }
}
