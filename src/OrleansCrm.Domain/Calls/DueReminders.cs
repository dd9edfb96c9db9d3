namespace OrleansCrm.Domain.Calls;

/// <summary>The booking reminders one turn settles (<see cref="Agenda.NextDue"/>), and whether more are due after them.</summary>
public sealed record DueReminders(IReadOnlyList<Booking> BuiltIn, IReadOnlyList<BookingReminder> FromTemplates, bool More)
{
    public int Count => BuiltIn.Count + FromTemplates.Count;
}
