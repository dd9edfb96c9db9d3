namespace OrleansCrm.Infrastructure.Messaging;

/// <summary>How the SMTP transport secures its connection (MailKit's <c>SecureSocketOptions</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text, never TLS.</summary>
    None,

    /// <summary>STARTTLS after connecting; refuses a server that does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,
}
