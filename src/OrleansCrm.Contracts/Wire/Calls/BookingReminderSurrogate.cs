using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A campaign template's reminder for one booking (<see cref="BookingReminder"/>) as the agent stores it. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.BookingReminder.v1")]
public readonly record struct BookingReminderSurrogate(
    [property: Id(0)] string BookingId,
    [property: Id(1)] string TemplateId,
    [property: Id(2)] DateTimeOffset DueAt,
    [property: Id(3)] DateTimeOffset MeetingStart,
    [property: Id(4)] int Status,
    [property: Id(5)] string? Reason,
    [property: Id(6)] long? TemplateVersion,
    [property: Id(7)] string? Channel);

/// <summary>Turns a <see cref="BookingReminder"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class BookingReminderConverter : IConverter<BookingReminder, BookingReminderSurrogate>
{
    public BookingReminder ConvertFromSurrogate(in BookingReminderSurrogate s) => new(s.BookingId, s.TemplateId, s.DueAt, s.MeetingStart, (BookingReminderStatus)s.Status, s.Reason, s.TemplateVersion, s.Channel);

    public BookingReminderSurrogate ConvertToSurrogate(in BookingReminder m) => new(m.BookingId, m.TemplateId, m.DueAt, m.MeetingStart, (int)m.Status, m.Reason, m.TemplateVersion, m.Channel);
}
