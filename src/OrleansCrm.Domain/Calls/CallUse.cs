namespace OrleansCrm.Domain.Calls;

/// <summary>What someone wants to do with a call.</summary>
public enum CallUse
{
    /// <summary>Read the call (<c>GET /calls/{id}</c>): its draft while open, its outcome once confirmed.</summary>
    Read,

    /// <summary>Work on the open call: draft, recording upload, outcome, discard.</summary>
    Work,

    /// <summary>Download the conversation's recording.</summary>
    HearRecording,

    /// <summary>Set the web-shop order id the call sold (pending validation).</summary>
    LinkOrder,
}
