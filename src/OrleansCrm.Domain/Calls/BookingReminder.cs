namespace OrleansCrm.Domain.Calls;

/// <summary>
/// A campaign template's reminder for one booking: due at <paramref name="DueAt"/> (the template's offset before the
/// meeting, in the customer's zone), planned for the meeting at <paramref name="MeetingStart"/>. <paramref name="Reason"/>
/// says why it was skipped or dropped. <paramref name="TemplateVersion"/> and <paramref name="Channel"/> are the
/// template's when the reminder was planned, so a record of it can be keyed and shown even after the template is gone
/// (null on reminders planned before they were kept).
/// </summary>
public sealed record BookingReminder(
    string BookingId,
    string TemplateId,
    DateTimeOffset DueAt,
    DateTimeOffset MeetingStart,
    BookingReminderStatus Status,
    string? Reason = null,
    long? TemplateVersion = null,
    string? Channel = null);
