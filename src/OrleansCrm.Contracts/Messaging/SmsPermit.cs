namespace OrleansCrm.Contracts.Messaging;

/// <summary>What a recipient says to one more automated SMS.</summary>
public enum SmsPermit
{
    Allowed,
    OptedOut,
    Capped,
}
