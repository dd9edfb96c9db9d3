using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// Hands one message to a real transport (an SMTP server, a pickup folder). Only the outbox calls it:
/// the outbox decides whether a message may go out, the transport only carries it.
/// </summary>
public interface IEmailTransport
{
    /// <summary>
    /// Delivers <paramref name="message"/> with <paramref name="messageId"/> (an RFC 5322 msg-id, angle
    /// brackets included) as its <c>Message-Id</c> header and returns what the transport said (the
    /// server's final reply, the file written). Throws <see cref="EmailTransportException"/> on failure.
    /// </summary>
    Task<string> DeliverAsync(EmailMessage message, string messageId, CancellationToken ct);
}

/// <summary>
/// A delivery that did not happen. <see cref="IsPermanent"/> says that trying again cannot help (the
/// server refused the message or its recipient); otherwise the outbox tries again later.
/// </summary>
public sealed class EmailTransportException : Exception
{
    public EmailTransportException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    public EmailTransportException()
        : this("The email could not be delivered.", isPermanent: false)
    {
    }

    public EmailTransportException(string message)
        : this(message, isPermanent: false)
    {
    }

    public EmailTransportException(string message, Exception innerException)
        : this(message, isPermanent: false, innerException)
    {
    }

    /// <summary>True when the transport refused the message for good (an SMTP 5xx reply, a malformed address).</summary>
    public bool IsPermanent { get; }
}
