using System.Globalization;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// Which messages a booking event makes from its campaign's templates. On <c>booking.made</c> and
/// <c>booking.cancelled</c> every enabled template on the trigger whose constraints hold is rendered, one message per
/// recipient; a campaign with an enabled template on the trigger speaks for it (the built-in email is then not sent).
/// A <c>booking.reminder</c> template is planned when the booking is made (skipped when its time has already passed)
/// and re-checked when it falls due: the booking still on and not moved, the template still there, enabled, on the
/// trigger and its constraints holding.
/// </summary>
public static class BookingMessages
{
    /// <summary>Whether the campaign has an enabled template on this event: then its templates, not the built-in email, speak for it.</summary>
    public static bool TemplatesSpeakFor(string eventName, IReadOnlyList<VersionedTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        return templates.Any(t => t.Template.Enabled != false && t.Template.Trigger?.Event == eventName);
    }

    /// <summary>The messages of one event: each applying template rendered, one message per recipient (<see cref="TemplateMessages"/>, keyed by the booking).</summary>
    public static IReadOnlyList<TemplateMessage> For(string eventName, Booking booking, IReadOnlyList<VersionedTemplate> templates, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return TemplateMessages.Render(eventName, booking.Id, templates, facts);
    }

    /// <summary>
    /// The reminders a new booking plans, one per enabled reminder template, due the template's days before the
    /// meeting at its time of day in the customer's zone (13:00 the day before by default). One whose time had
    /// passed when the booking was made is skipped, with the reason, and never sent.
    /// </summary>
    public static IReadOnlyList<BookingReminder> PlanReminders(Booking booking, IReadOnlyList<VersionedTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(templates);
        var reminders = new List<BookingReminder>();
        foreach (var t in templates.Where(t => t.Template.Enabled != false && t.Template.Trigger?.Event == TriggerEvents.BookingReminder).OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            var due = ReminderAt(booking, t.Template.Trigger!);
            reminders.Add(due > booking.BookedAt
                ? new BookingReminder(booking.Id, t.Id, due, booking.Start, BookingReminderStatus.Planned)
                : new BookingReminder(booking.Id, t.Id, due, booking.Start, BookingReminderStatus.Skipped, string.Create(CultureInfo.InvariantCulture, $"its time ({due:O}) had passed when the booking was made.")));
        }

        return reminders;
    }

    /// <summary>When a reminder template falls due for a booking: its days before the meeting, at its time of day, in the customer's zone.</summary>
    public static DateTimeOffset ReminderAt(Booking booking, TemplateTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(trigger);
        var at = TimeOnly.ParseExact(trigger.ReminderAt ?? TemplateTrigger.DefaultReminderAt, "HH:mm", CultureInfo.InvariantCulture);
        return BookingReminderPlan.ReminderAt(booking.Start, booking.CustomerTimeZone, at, trigger.ReminderDaysBefore ?? TemplateTrigger.DefaultReminderDaysBefore);
    }

    /// <summary>
    /// A due reminder re-checked: why nothing is sent (the booking gone, cancelled or moved, the template deleted,
    /// disabled, moved off the trigger, or its constraints no longer holding), or null when it still holds.
    /// </summary>
    public static string? WhyNotSent(BookingReminder reminder, Booking? booking, VersionedTemplate? template, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(facts);
        return (booking, template) switch
        {
            (null, _) => "the booking is gone.",
            ({ Status: BookingStatus.Cancelled }, _) => "the booking was cancelled.",
            _ when booking.Start != reminder.MeetingStart => "the booking was moved.",
            (_, null) => "the template was deleted.",
            _ when template.Template.Enabled == false => "the template is disabled.",
            _ when template.Template.Trigger?.Event != TriggerEvents.BookingReminder => "the template is no longer a booking reminder.",
            _ when !TemplateSelection.Applies(template.Template, TriggerEvents.BookingReminder, facts) => "the template's constraints no longer hold.",
            _ => null,
        };
    }
}
