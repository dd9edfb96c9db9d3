namespace OrleansCrm.Domain.Calls;

public enum CallStatus
{
    Open,
    Confirmed,
    Discarded,
    TimedOut,
}
