using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace OrleansCrm.Testing;

/// <summary>How a <see cref="SmtpSink"/> secures itself: STARTTLS with <see cref="Certificate"/>, AUTH with <see cref="UserName"/>.</summary>
public sealed class SmtpSinkOptions
{
    /// <summary>The server certificate (with its private key) offered through STARTTLS; null for no TLS.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>The one user that may log in; when set, a message is taken only after AUTH (PLAIN or LOGIN).</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>The address it listens on (127.0.0.1 unless a test needs it reached from another network namespace).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;
}
