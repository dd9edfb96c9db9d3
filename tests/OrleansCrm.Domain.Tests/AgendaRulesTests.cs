using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

public sealed class AgendaRulesTests
{
    /// <summary>Monday 2 March 2026, early morning UTC.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    private const string Field = "draft.appointment.start";

    private static AgendaSettings Settings(string? zone = null, string? start = null, string? end = null, int? slot = null, IReadOnlyList<DayOfWeek>? days = null) =>
        new AgendaRequest(zone, start, end, slot, days).Validated(new Validator(), "agenda");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static void Refused(AgendaSettings settings, DateTimeOffset start, DateTimeOffset? now = null) =>
        Refusals.OnlyFor(Field, () => AgendaRules.CheckSlot(settings, start, now ?? Now, Field));

    private static IReadOnlyCollection<string> InvalidFields(AgendaRequest settings)
    {
        var v = new Validator();
        settings.Validated(v, "agenda");
        return v.Fields();
    }

    // ---- settings ----

    [Fact]
    public void The_default_agenda_is_9_to_17_UTC_Monday_to_Friday_in_30_minute_slots()
    {
        var settings = new AgendaRequest(null, null, null, null, null).Validated(new Validator(), "agenda");

        Assert.Equal("UTC", settings.TimeZone);
        Assert.Equal(new TimeOnly(9, 0), settings.StartsAt());
        Assert.Equal(new TimeOnly(17, 0), settings.EndsAt());
        Assert.Equal(30, settings.SlotMinutes);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], settings.WorkDays);
    }

    [Fact]
    public void Unset_agenda_fields_take_the_defaults_and_set_ones_are_kept()
    {
        var settings = Settings(zone: "Europe/Rome", slot: 45);

        Assert.Equal(AgendaSettings.Default with { TimeZone = "Europe/Rome", SlotMinutes = 45, WorkDays = settings.WorkDays }, settings);
        Assert.Equal(AgendaSettings.Default.WorkDays, settings.WorkDays);
    }

    [Fact]
    public void Work_days_are_kept_once_each_in_week_order()
    {
        Assert.Equal(
            [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Saturday],
            Settings(days: [DayOfWeek.Saturday, DayOfWeek.Monday, DayOfWeek.Sunday, DayOfWeek.Monday]).WorkDays);
    }

    [Theory]
    [InlineData("Mars/Olympus", "09:00", "17:00", 30, "agenda.timeZone")]
    [InlineData("europe/rome", "09:00", "17:00", 30, "agenda.timeZone")]
    [InlineData("+01:00", "09:00", "17:00", 30, "agenda.timeZone")]
    [InlineData("UTC", "9:00", "17:00", 30, "agenda.dayStart")]
    [InlineData("UTC", "09:00", "24:00", 30, "agenda.dayEnd")]
    [InlineData("UTC", "17:00", "09:00", 30, "agenda.dayEnd")]
    [InlineData("UTC", "09:00", "09:00", 30, "agenda.dayEnd")]
    [InlineData("UTC", "09:00", "17:00", 4, "agenda.slotMinutes")]
    [InlineData("UTC", "09:00", "17:00", 481, "agenda.slotMinutes")]
    public void Agenda_settings_refuse_a_wrong_field(string zone, string start, string end, int slot, string field)
    {
        Assert.Equal([field], InvalidFields(new AgendaRequest(zone, start, end, slot, null)));
    }

    [Fact]
    public void An_agenda_needs_at_least_one_work_day()
    {
        Assert.Equal(["agenda.workDays"], InvalidFields(new AgendaRequest(null, null, null, null, [])));
    }

    [Fact]
    public void An_agent_profile_name_is_trimmed_and_the_profile_gets_the_default_agenda()
    {
        var profile = new AgentProfileRequest("  Ann Bianchi ", "ann@example.com", null).Validated();

        Assert.Equal("Ann Bianchi", profile.Name);
        Assert.Equal("ann@example.com", profile.Email);
        Assert.Equal("UTC", profile.Agenda!.TimeZone);
        Assert.Equal(AgendaSettings.Default.WorkDays, profile.Agenda.WorkDays);
    }

    [Fact]
    public void An_agent_profile_names_every_wrong_field_including_its_agenda_s()
    {
        var fields = Refusals.FieldsOf(() => new AgentProfileRequest(new string('a', Validator.NameMaxLength + 1), "not-an-email", new AgendaRequest("Nowhere/City", null, null, 1, [])).Validated());

        Assert.Equal(["agenda.slotMinutes", "agenda.timeZone", "agenda.workDays", "email", "name"], fields.Order(StringComparer.Ordinal));
    }

    // ---- the slot grid ----

    [Fact]
    public void A_default_agenda_has_16_slots_a_weekday_from_9_00_to_16_30()
    {
        var slots = AgendaRules.Slots(Settings(), Utc(3, 2, 0), Utc(3, 3, 0)).ToList();

        Assert.Equal(16, slots.Count);
        Assert.Equal(Utc(3, 2, 9), slots[0]);
        Assert.Equal(Utc(3, 2, 16, 30), slots[^1]);
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(30), pair.Second - pair.First));
    }

    [Fact]
    public void Slots_are_listed_from_the_first_instant_included_to_the_last_excluded_and_skip_days_off()
    {
        // Friday 6 March 16:00 to Monday 9 March 10:00: Friday's last two slots, nothing at the weekend, Monday's first two.
        var slots = AgendaRules.Slots(Settings(), Utc(3, 6, 16), Utc(3, 9, 10)).ToList();

        Assert.Equal([Utc(3, 6, 16), Utc(3, 6, 16, 30), Utc(3, 9, 9), Utc(3, 9, 9, 30)], slots);
    }

    [Fact]
    public void A_slot_on_the_grid_in_working_hours_on_a_work_day_in_the_future_is_accepted()
    {
        AgendaRules.CheckSlot(Settings(), Utc(3, 2, 9), Now, Field);
        AgendaRules.CheckSlot(Settings(), Utc(3, 2, 16, 30), Now, Field);
        Assert.True(AgendaRules.IsSlot(Settings(), Utc(3, 6, 12)));
    }

    [Fact]
    public void A_slot_off_the_grid_is_refused()
    {
        Refused(Settings(), Utc(3, 2, 9, 15));
        Refused(Settings(), Utc(3, 2, 9, 0).AddSeconds(1));
    }

    [Fact]
    public void A_slot_outside_working_hours_is_refused()
    {
        Refused(Settings(), Utc(3, 2, 8, 30));
        Refused(Settings(), Utc(3, 2, 17, 0));
    }

    [Fact]
    public void A_slot_that_would_end_after_the_working_day_is_refused()
    {
        var settings = Settings(start: "09:00", end: "17:00", slot: 45);

        // 09:00 + 10 × 45 minutes = 16:30, which would end at 17:15.
        AgendaRules.CheckSlot(settings, Utc(3, 2, 15, 45), Now, Field);
        Refused(settings, Utc(3, 2, 16, 30));
    }

    [Fact]
    public void A_slot_on_a_day_off_is_refused()
    {
        Refused(Settings(), Utc(3, 7, 10));  // Saturday
        Refused(Settings(), Utc(3, 8, 10));  // Sunday
        AgendaRules.CheckSlot(Settings(days: [DayOfWeek.Saturday]), Utc(3, 7, 10), Now, Field);
        Refused(Settings(days: [DayOfWeek.Saturday]), Utc(3, 9, 10));
    }

    [Fact]
    public void A_slot_in_the_past_or_now_is_refused()
    {
        var slot = Utc(3, 2, 10);

        Refused(Settings(), slot, now: slot);
        Refused(Settings(), slot, now: slot.AddMinutes(1));
        AgendaRules.CheckSlot(Settings(), slot, slot.AddTicks(-1), Field);
    }

    [Fact]
    public void Working_hours_are_on_the_agent_s_wall_clock()
    {
        var rome = Settings(zone: "Europe/Rome");

        // 9:00 in Rome in winter is 08:00 UTC; 16:30 in Rome is 15:30 UTC.
        AgendaRules.CheckSlot(rome, Utc(3, 2, 8), Now, Field);
        AgendaRules.CheckSlot(rome, Utc(3, 2, 15, 30), Now, Field);
        Refused(rome, Utc(3, 2, 16));
        Assert.Equal(Utc(3, 2, 8), AgendaRules.Slots(rome, Utc(3, 2, 0), Utc(3, 3, 0)).First());
    }

    [Fact]
    public void Work_days_are_the_agent_s_local_days()
    {
        // 09:00 Monday in Tokyo is 00:00 Monday UTC; 16:30 Friday in Tokyo is 07:30 Friday UTC; Sunday 23:00 UTC is Monday 08:00 in Tokyo.
        var tokyo = Settings(zone: "Asia/Tokyo");

        AgendaRules.CheckSlot(tokyo, Utc(3, 9, 0), Now, Field);
        AgendaRules.CheckSlot(tokyo, Utc(3, 6, 7, 30), Now, Field);
        Refused(tokyo, Utc(3, 8, 23));
        Assert.Equal([Utc(3, 9, 0), Utc(3, 9, 0, 30)], AgendaRules.Slots(tokyo, Utc(3, 8, 12), Utc(3, 9, 1)));
    }

    [Fact]
    public void On_the_day_clocks_go_forward_slots_keep_their_wall_clock_time_and_skipped_times_have_none()
    {
        // Rome, Sunday 29 March 2026: 02:00 jumps to 03:00 (UTC+1 → UTC+2).
        var nightShift = Settings(zone: "Europe/Rome", start: "01:00", end: "04:00", days: [DayOfWeek.Sunday]);

        var slots = AgendaRules.Slots(nightShift, Utc(3, 28, 0), Utc(3, 30, 0)).ToList();

        Assert.Equal([Utc(3, 29, 0), Utc(3, 29, 0, 30), Utc(3, 29, 1), Utc(3, 29, 1, 30)], slots);
        Assert.Equal(
            ["01:00", "01:30", "03:00", "03:30"],
            slots.Select(s => TimeZones.LocalTime(s, "Europe/Rome").ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void On_the_day_clocks_go_forward_9_00_is_one_hour_earlier_in_UTC()
    {
        var sundays = Settings(zone: "Europe/Rome", days: [DayOfWeek.Sunday]);

        AgendaRules.CheckSlot(sundays, Utc(3, 22, 8), Now, Field);   // 09:00 winter time
        AgendaRules.CheckSlot(sundays, Utc(3, 29, 7), Now, Field);   // 09:00 summer time
        Refused(sundays, Utc(3, 29, 6));                            // 08:00 summer time
        Assert.Equal(Utc(3, 29, 14, 30), AgendaRules.Slots(sundays, Utc(3, 29, 0), Utc(3, 30, 0)).Last()); // 16:30 summer time
    }

    // ---- booking emails ----

    private static Booking BookingAt(DateTimeOffset start, string zone, string? name = "Maria Rossi") => new(
        "bk-1", "agent-ann", start, start.AddMinutes(30), "call-1", "camp-spring", "lead-1", "cust-1", name, "maria@example.com", zone,
        BookingStatus.Booked, start.AddDays(-1), false, Now, "agent-ann");

    [Fact]
    public void The_booking_emails_show_the_customer_s_local_time_and_name_the_zone()
    {
        var booking = BookingAt(new DateTimeOffset(2026, 5, 12, 1, 0, 0, TimeSpan.Zero), "Asia/Tokyo");

        var confirmation = CallEmails.BookingConfirmation(booking, "Ann");
        var reminder = CallEmails.BookingReminder(booking, "Ann");
        var cancelled = CallEmails.BookingCancelled(booking, "Ann");

        Assert.Equal("Your appointment on Tuesday 12 May 2026, 10:00", confirmation.Subject);
        Assert.Contains("with Ann is booked for Tuesday 12 May 2026, 10:00 (Asia/Tokyo)", confirmation.Body);
        Assert.Contains("Dear Maria Rossi,", confirmation.Body);
        Assert.Contains("Booking reference: bk-1.", confirmation.Body);
        Assert.Equal("Reminder: your appointment tomorrow, Tuesday 12 May 2026, 10:00", reminder.Subject);
        Assert.Contains("with Ann on Tuesday 12 May 2026, 10:00 (Asia/Tokyo)", reminder.Body);
        Assert.Equal("Your appointment on Tuesday 12 May 2026, 10:00 is cancelled", cancelled.Subject);
        Assert.Contains("on Tuesday 12 May 2026, 10:00 (Asia/Tokyo) is cancelled", cancelled.Body);
    }

    [Fact]
    public void One_meeting_instant_reads_as_each_customer_s_own_wall_clock_time()
    {
        var start = new DateTimeOffset(2026, 7, 1, 14, 0, 0, TimeSpan.Zero);

        Assert.Contains("Wednesday 1 July 2026, 16:00 (Europe/Rome)", CallEmails.BookingConfirmation(BookingAt(start, "Europe/Rome"), "Ann").Body);
        Assert.Contains("Wednesday 1 July 2026, 10:00 (America/New_York)", CallEmails.BookingConfirmation(BookingAt(start, "America/New_York"), "Ann").Body);
        Assert.Contains("Wednesday 1 July 2026, 23:00 (Asia/Tokyo)", CallEmails.BookingConfirmation(BookingAt(start, "Asia/Tokyo"), "Ann").Body);
    }

    [Fact]
    public void A_booking_email_to_a_customer_without_a_name_says_dear_customer()
    {
        Assert.StartsWith("Dear customer,", CallEmails.BookingConfirmation(BookingAt(Utc(5, 12, 8), "UTC", name: null), "Ann").Body);
    }

    [Fact]
    public void The_manager_s_copy_names_the_recipient_the_call_the_agent_and_the_outcome_and_carries_the_message()
    {
        var call = new CallAttempt
        {
            Id = "call-7",
            CampaignId = "camp-spring",
            ContactId = "lead-1",
            Phone = "+390612345678",
            TimeZone = "Europe/Rome",
            AgentId = "agent-ann",
            StartedBy = "agent-ann",
        };

        var copy = CallEmails.ManagerCopy(call, "maria@example.com", new CustomerMessage("Your offer", "As agreed."), "completed");

        Assert.Equal("Copy: Your offer", copy.Subject);
        Assert.Contains("maria@example.com", copy.Body);
        Assert.Contains("call call-7", copy.Body);
        Assert.Contains("agent agent-ann", copy.Body);
        Assert.Contains("outcome completed", copy.Body);
        Assert.EndsWith("As agreed.", copy.Body);
    }
}
