namespace OrleansCrm.Domain.Calls;

/// <summary>Why the dialer handed a contact out, in the order it looks: the agent's own private callback, a public callback, a retry, a fresh lead.</summary>
public enum HandOutReason
{
    PrivateCallback,
    Callback,
    Retry,
    New,

    /// <summary>Not handed out by the dialer: an agent started a call to the contact directly (an inbound call, a task call).</summary>
    Direct,
}
