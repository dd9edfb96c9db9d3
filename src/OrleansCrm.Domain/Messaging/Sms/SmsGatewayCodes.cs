namespace OrleansCrm.Domain.Messaging.Sms;

/// <summary>The gateway's error codes that mean the recipient opted out at the gateway (see the README's SMS gateway contract).</summary>
public static class SmsGatewayCodes
{
    public const string OptedOut = "recipient_opted_out";

    public const string Blocked = "recipient_blocked";

    public static bool IsOptOut(string? code) =>
        string.Equals(code, OptedOut, StringComparison.OrdinalIgnoreCase) || string.Equals(code, Blocked, StringComparison.OrdinalIgnoreCase);
}
