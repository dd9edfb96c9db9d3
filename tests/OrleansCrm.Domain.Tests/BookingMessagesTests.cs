using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Tests;

/// <summary>Which messages a booking event makes from its campaign's templates, and when a template's reminder is due, skipped or dropped.</summary>
public sealed class BookingMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // 2026-03-10 10:00 in Tokyo (UTC+9) is 01:00 UTC.
    private static readonly DateTimeOffset Meeting = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_enabled_template_on_the_event_whose_constraints_hold_makes_one_message_per_recipient_keyed_by_event_template_version_and_recipient()
    {
        var booking = Booking();
        var templates = new[]
        {
            Versioned("made", 3, Email(TriggerEvents.BookingMade) with { Recipients = ["customer.email", "desk@example.com"] }),
            Versioned("disabled", 1, Email(TriggerEvents.BookingMade) with { Enabled = false }),
            Versioned("other-weekday", 1, Email(TriggerEvents.BookingMade) with { Constraints = [new TemplateConstraint("booking.weekday", ["Sunday"])] }),
            Versioned("cancelled", 1, Email(TriggerEvents.BookingCancelled)),
            Versioned("sms", 2, TemplateSamples.Sms(TriggerEvents.BookingMade) with { Recipients = ["+393331234567"] }),
        };

        var messages = BookingMessages.For(TriggerEvents.BookingMade, booking, templates, Facts(booking));

        Assert.Equal(
            ["booking.made:bk-1:made:v3:kenji@example.jp", "booking.made:bk-1:made:v3:desk@example.com", "booking.made:bk-1:sms:v2:+393331234567"],
            messages.Select(m => m.Key));
        var made = messages[0];
        Assert.Equal("Meeting on 2026-03-10 10:00 with Kenji Sato", made.Text);
        Assert.Equal(MessageChannels.Sms, messages[2].Channel);
        Assert.Equal("Shop", messages[2].Sender);
        Assert.True(BookingMessages.TemplatesSpeakFor(TriggerEvents.BookingMade, templates));
        Assert.False(BookingMessages.TemplatesSpeakFor(TriggerEvents.BookingReminder, templates));
        Assert.False(BookingMessages.TemplatesSpeakFor(TriggerEvents.BookingMade, [templates[1]]));
    }

    [Fact]
    public void A_rendering_the_templates_skip_rule_stops_makes_no_message()
    {
        var booking = Booking() with { CustomerEmail = null };

        Assert.Empty(BookingMessages.For(TriggerEvents.BookingMade, booking, [Versioned("made", 1, Email(TriggerEvents.BookingMade))], Facts(booking)));
    }

    [Fact]
    public void A_reminder_is_due_at_13_00_the_day_before_in_the_customers_zone_or_at_the_templates_own_offset()
    {
        var booking = Booking();
        var planned = BookingMessages.PlanReminders(booking, [
            Versioned("default", 1, Email(TriggerEvents.BookingReminder).Validated()),
            Versioned("two-days", 1, Email(TriggerEvents.BookingReminder) with { Trigger = new TemplateTrigger(TriggerEvents.BookingReminder, ReminderDaysBefore: 2, ReminderAt: "18:30") }),
            Versioned("made", 1, Email(TriggerEvents.BookingMade)),
        ]);

        Assert.Equal(2, planned.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero), planned[0].DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 9, 30, 0, TimeSpan.Zero), planned[1].DueAt);
        Assert.All(planned, r => Assert.Equal(BookingReminderStatus.Planned, r.Status));
    }

    [Fact]
    public void A_reminder_whose_time_had_passed_when_the_booking_was_made_is_skipped_with_the_reason()
    {
        var booking = Booking();
        var late = Versioned("late", 1, Email(TriggerEvents.BookingReminder) with { Trigger = new TemplateTrigger(TriggerEvents.BookingReminder, ReminderDaysBefore: 9) });

        var reminder = Assert.Single(BookingMessages.PlanReminders(booking, [late]));

        Assert.Equal(BookingReminderStatus.Skipped, reminder.Status);
        Assert.Contains("had passed when the booking was made", reminder.Reason, StringComparison.Ordinal);
        var agenda = new Agenda("closer", AgendaSettings.Default, [booking]);
        agenda.PlanTemplateReminders(booking.Id, [reminder]);
        Assert.Null(agenda.NextReminderAt());
        Assert.Empty(agenda.TemplateRemindersDue(Meeting));
        Assert.Empty(agenda.RemindersDue(Meeting));
    }

    [Fact]
    public void A_due_reminder_is_dropped_when_the_booking_was_cancelled_or_moved_or_the_template_deleted_disabled_or_no_longer_matching()
    {
        var booking = Booking();
        var template = Versioned("remind", 1, Email(TriggerEvents.BookingReminder).Validated());
        var reminder = Assert.Single(BookingMessages.PlanReminders(booking, [template]));
        var facts = Facts(booking);

        Assert.Null(BookingMessages.WhyNotSent(reminder, booking, template, facts));
        Assert.Equal("the booking is gone.", BookingMessages.WhyNotSent(reminder, null, template, facts));
        Assert.Equal("the booking was cancelled.", BookingMessages.WhyNotSent(reminder, booking with { Status = BookingStatus.Cancelled }, template, facts));
        Assert.Equal("the booking was moved.", BookingMessages.WhyNotSent(reminder, booking with { Start = Meeting.AddHours(1) }, template, facts));
        Assert.Equal("the template was deleted.", BookingMessages.WhyNotSent(reminder, booking, null, facts));
        Assert.Equal("the template is disabled.", BookingMessages.WhyNotSent(reminder, booking, template with { Template = template.Template with { Enabled = false } }, facts));
        Assert.Equal("the template is no longer a booking reminder.", BookingMessages.WhyNotSent(reminder, booking, template with { Template = template.Template with { Trigger = new TemplateTrigger(TriggerEvents.BookingMade) } }, facts));
        Assert.Equal("the template's constraints no longer hold.", BookingMessages.WhyNotSent(reminder, booking, template with { Template = template.Template with { Constraints = [new TemplateConstraint("booking.duration", null, 60, null)] } }, facts));
    }

    [Fact]
    public void Template_reminders_take_the_place_of_the_built_in_one_and_are_settled_once()
    {
        var booking = Booking();
        var agenda = new Agenda("closer", AgendaSettings.Default, [booking]);
        Assert.Equal(booking.ReminderAt, agenda.NextReminderAt());
        var reminder = Assert.Single(BookingMessages.PlanReminders(booking, [Versioned("remind", 1, Email(TriggerEvents.BookingReminder).Validated())]));

        agenda.PlanTemplateReminders(booking.Id, [reminder]);
        agenda.PlanTemplateReminders(booking.Id, [reminder with { TemplateId = "again" }]);

        Assert.Equal(reminder.DueAt, agenda.NextReminderAt());
        Assert.Empty(agenda.RemindersDue(Meeting));
        Assert.Equal([reminder], agenda.TemplateRemindersDue(reminder.DueAt));
        agenda.TemplateReminderSettled(reminder, "the booking was cancelled.");
        Assert.Empty(agenda.TemplateRemindersDue(Meeting));
        Assert.Equal(BookingReminderStatus.Dropped, Assert.Single(agenda.TemplateReminders).Status);
        Assert.Null(agenda.NextReminderAt());
    }

    [Fact]
    public void A_reminder_template_saved_after_the_booking_was_made_plans_its_reminder_at_13_00_the_day_before_in_the_customers_zone_in_place_of_the_built_in_one()
    {
        var booking = Booking();
        var agenda = new Agenda("closer", AgendaSettings.Default, [booking]);
        var template = Versioned("remind", 4, Email(TriggerEvents.BookingReminder).Validated());

        var changed = agenda.ReplanTemplateReminders("camp", template, Now);

        var reminder = Assert.Single(changed);
        Assert.Equal(BookingReminderStatus.Planned, reminder.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero), reminder.DueAt); // 13:00 in Tokyo
        Assert.Equal(4, reminder.TemplateVersion);
        Assert.Equal(reminder.DueAt, agenda.NextReminderAt());
        Assert.Empty(agenda.RemindersDue(Meeting));
        Assert.Empty(agenda.ReplanTemplateReminders("camp", template with { Version = 5 }, Now));
        Assert.Empty(agenda.ReplanTemplateReminders("other-campaign", Versioned("other", 1, template.Template), Now));
    }

    [Fact]
    public void A_saved_reminder_template_moves_a_planned_reminder_to_its_new_offset_skips_one_already_past_and_never_replans_one_sent_or_dropped()
    {
        var booking = Booking();
        var template = Versioned("remind", 1, Email(TriggerEvents.BookingReminder).Validated());
        var planned = Assert.Single(BookingMessages.PlanReminders(booking, [template]));
        var twoDays = template with { Version = 2, Template = template.Template with { Trigger = new TemplateTrigger(TriggerEvents.BookingReminder, ReminderDaysBefore: 2) } };
        var tooEarly = template with { Version = 3, Template = template.Template with { Trigger = new TemplateTrigger(TriggerEvents.BookingReminder, ReminderDaysBefore: 9) } };

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 4, 0, 0, TimeSpan.Zero), BookingMessages.Replanned(booking, twoDays, planned, Now)!.DueAt);
        var skipped = BookingMessages.Replanned(booking, tooEarly, planned, Now)!;
        Assert.Equal(BookingReminderStatus.Skipped, skipped.Status);
        Assert.Contains("had passed when the template was saved", skipped.Reason, StringComparison.Ordinal);
        Assert.Null(BookingMessages.Replanned(booking, tooEarly, skipped, Now));
        Assert.Null(BookingMessages.Replanned(booking, twoDays, planned with { Status = BookingReminderStatus.Sent }, Now));
        Assert.Null(BookingMessages.Replanned(booking, twoDays, planned with { Status = BookingReminderStatus.Dropped }, Now));
        Assert.Null(BookingMessages.Replanned(booking with { Status = BookingStatus.Cancelled }, twoDays, null, Now));
        Assert.Null(BookingMessages.Replanned(booking, twoDays with { Template = twoDays.Template with { Enabled = false } }, null, Now));
        Assert.Null(BookingMessages.Replanned(booking, twoDays, null, Meeting));
    }

    [Fact]
    public void A_reminder_not_sent_is_recorded_as_the_messages_it_would_have_made_or_as_one_record_without_a_recipient_when_its_template_is_gone()
    {
        var booking = Booking();
        var template = Versioned("remind", 2, Email(TriggerEvents.BookingReminder).Validated());
        var reminder = Assert.Single(BookingMessages.PlanReminders(booking, [template]));

        var unsent = Assert.Single(BookingMessages.Unsent(reminder, booking, template, Facts(booking)));
        var gone = Assert.Single(BookingMessages.Unsent(reminder, booking, null, Facts(booking)));

        Assert.Equal("booking.reminder:bk-1:remind:v2:kenji@example.jp", unsent.Key);
        Assert.Equal("Meeting on 2026-03-10 10:00 with Kenji Sato", unsent.Text);
        Assert.Equal("booking.reminder:bk-1:remind:v2", gone.Key);
        Assert.Equal("", gone.To);
        Assert.Equal(MessageChannels.Email, gone.Channel);
    }

    private static MessageTemplate Email(string trigger) =>
        TemplateSamples.Email(trigger, "Meeting on {$booking.start} with {$customer.name}") with { Subject = "Your meeting {$booking.id}" };

    private static VersionedTemplate Versioned(string id, long version, MessageTemplate template) => new(id, version, template);

    private static MessageFacts Facts(Booking booking) => new MessageFactsBuilder().Booking(booking).Agent("closer", null).Build();

    private static Booking Booking() => new(
        "bk-1", "closer", Meeting, Meeting.AddMinutes(30), "call-1", "camp", "contact-1", "cust-1", "Kenji Sato", "kenji@example.jp", "Asia/Tokyo",
        BookingStatus.Booked, BookingReminderPlan.ReminderAt(Meeting, "Asia/Tokyo"), ReminderSent: false, Now, "agent-1");
}
