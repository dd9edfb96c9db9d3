namespace OrleansCrm.Domain.Calls;

/// <summary>Where a contact stands in its campaign's dialing: not called yet, waiting for a retry, waiting for a callback, or done.</summary>
public enum DialStage
{
    Fresh,
    Retry,
    Callback,
    Done,
}
