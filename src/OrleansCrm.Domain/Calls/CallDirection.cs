namespace OrleansCrm.Domain.Calls;

public enum CallDirection
{
    Outbound,
    Inbound,
}
