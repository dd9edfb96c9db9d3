namespace OrleansCrm.Domain.Calls;

/// <summary>Where a template's booking reminder stands: planned, sent, skipped because its time had passed when the booking was made, or dropped when it fell due and its cause no longer held.</summary>
public enum BookingReminderStatus
{
    Planned,
    Sent,
    Skipped,
    Dropped,
}
