namespace OrleansCrm.Grains.Messaging;

/// <summary>What one hand-over to a transport came to: accepted (no error), or an error that is permanent or not.</summary>
public readonly record struct TransportOutcome(string? Error, bool Permanent)
{
    public static TransportOutcome Accepted => default;
}
