using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>The booking reminder (seed 002): by default at 13:00 the day before the meeting, in the customer's time zone.</summary>
public static class BookingReminderPlan
{
    public static readonly TimeOnly DefaultTime = new(13, 0);

    public static DateTimeOffset ReminderAt(DateTimeOffset meetingStart, string customerTimeZone, TimeOnly? at = null, int daysBefore = 1)
    {
        var zone = TimeZones.Find(customerTimeZone);
        var meetingDay = DateOnly.FromDateTime(TimeZones.LocalTime(meetingStart, customerTimeZone).DateTime);
        return CallingWindow.ToInstant(meetingDay.AddDays(-daysBefore), at ?? DefaultTime, zone);
    }
}
