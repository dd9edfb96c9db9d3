namespace OrleansCrm.Domain.Calls;

public enum BookingStatus
{
    Booked,
    Cancelled,
}
