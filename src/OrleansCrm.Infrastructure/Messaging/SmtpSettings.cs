namespace OrleansCrm.Infrastructure.Messaging;

/// <summary>The SMTP server to send through. A class, not a record, so that no generated ToString prints the password.</summary>
public sealed class SmtpSettings
{
    public required string Host { get; init; }

    public int Port { get; init; } = 25;

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public SmtpSecurity Security { get; init; } = SmtpSecurity.Auto;

    /// <summary>
    /// The SHA-256 fingerprint (64 hex digits) of a server certificate trusted although no trusted authority signed it,
    /// such as the self-signed certificate of an internal relay; null to trust only certificates the system trusts.
    /// </summary>
    public string? ServerCertificateSha256 { get; init; }

    /// <summary>How long one network read or write may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);
}
