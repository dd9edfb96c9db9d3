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
