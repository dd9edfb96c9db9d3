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
                ? new BookingReminder(booking.Id, t.Id, due, booking.Start, BookingReminderStatus.Planned, null, t.Version, t.Template.Channel)
                : new BookingReminder(booking.Id, t.Id, due, booking.Start, BookingReminderStatus.Skipped, string.Create(CultureInfo.InvariantCulture, $"its time ({due:O}) had passed when the booking was made."), t.Version, t.Template.Channel));
        }

        return reminders;
    }

    /// <summary>Whether saving this template plans reminders for the bookings already made: an enabled <c>booking.reminder</c> template.</summary>
    public static bool PlansReminders(MessageTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Enabled != false && template.Trigger?.Event == TriggerEvents.BookingReminder;
    }

    /// <summary>
    /// A reminder template saved after the booking was made (created, enabled, or its offset changed): the reminder the
    /// booking should have now, or null when the one it has stands. A reminder already settled when due (sent or
    /// dropped) is never planned again; a planned or skipped one takes the template's new time; one whose time has
    /// already passed is skipped, with the reason, and never sent.
    /// </summary>
    public static BookingReminder? Replanned(Booking booking, VersionedTemplate template, BookingReminder? existing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(template);
        if (template.Template.Enabled == false || template.Template.Trigger?.Event != TriggerEvents.BookingReminder
            || booking.Status != BookingStatus.Booked || booking.Start <= now
            || existing is { Status: BookingReminderStatus.Sent or BookingReminderStatus.Dropped })
        {
            return null;
        }

        var due = ReminderAt(booking, template.Template.Trigger);
        if (existing is not null && existing.DueAt == due && existing.MeetingStart == booking.Start)
        {
            return null;
        }

        if (due > now)
        {
            return new BookingReminder(booking.Id, template.Id, due, booking.Start, BookingReminderStatus.Planned, null, template.Version, template.Template.Channel);
        }

        return existing is { Status: BookingReminderStatus.Skipped }
            ? null
            : new BookingReminder(booking.Id, template.Id, due, booking.Start, BookingReminderStatus.Skipped, string.Create(CultureInfo.InvariantCulture, $"its time ({due:O}) had passed when the template was saved."), template.Version, template.Template.Channel);
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
    /// A reminder that is not sent, as the message log shows it: the messages it would have made, keyed as they would
    /// have been (the template as it is now rendered for the booking, one per recipient), each to be recorded
    /// <c>Skipped</c> with the reason. When nothing can be rendered (the template is gone, or it names no recipient)
    /// one record stands for it, keyed by the version the reminder was planned with, without a recipient.
    /// </summary>
    public static IReadOnlyList<TemplateMessage> Unsent(BookingReminder reminder, Booking booking, VersionedTemplate? template, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(facts);
        if (template is not null)
        {
            var rendered = TemplateRenderer.Render(template.Template, facts);
            if (rendered.Recipients.Count > 0)
            {
                return [.. rendered.Recipients.Select(to => new TemplateMessage(
                    TemplateMessages.Key(TriggerEvents.BookingReminder, booking.Id, template, to), rendered.Channel, to, rendered.Subject, rendered.Text, rendered.Html, template.Id, template.Version, template.Template.From?.Address))];
            }
        }

        var version = template?.Version ?? reminder.TemplateVersion ?? 0;
        var channel = template?.Template.Channel ?? reminder.Channel ?? MessageChannels.Email;
        var key = string.Create(CultureInfo.InvariantCulture, $"{TriggerEvents.BookingReminder}:{booking.Id}:{reminder.TemplateId}:v{version}");
        return [new TemplateMessage(key, channel, "", null, "", null, reminder.TemplateId, version, null)];
    }

    /// <summary>The reason a due reminder that still holds is not sent after all: its rendering is skipped by the template's own rule (a value missing, no recipient left).</summary>
    public static string? WhyNotRendered(VersionedTemplate template, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(facts);
        return TemplateRenderer.Render(template.Template, facts).SkippedReason;
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
