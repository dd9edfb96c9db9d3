namespace OrleansCrm.Domain.Calls;

/// <summary>Whether a callback is the agent's own (private) or for anyone in the campaign (public).</summary>
public enum CallbackVisibility
{
    Private,
    Public,
}
