using OrleansCrm.Contracts.Ports;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Infrastructure.Messaging;

/// <summary>
/// Sends through an SMTP server with MailKit, one connection per message, the outbox's Message-Id in
/// the header. SMTP decides what is permanent: a 5xx reply is, a 4xx reply or a broken connection is not.
/// The caller's cancellation holds until the message's data starts to go out (<see cref="PointOfNoReturn"/>): a server
/// that has the whole message may accept it at any moment, so from then on the reply is waited for (bounded by
/// <see cref="SmtpSettings.Timeout"/> per read) — cutting that wait short would report a message the server took as
/// unsent, and its retry would deliver it twice.
/// </summary>
public sealed partial class SmtpEmailTransport(
    SmtpSettings smtp,
    EmailSettings email,
    TimeProvider time,
    ILogger<SmtpEmailTransport> logger) : IEmailTransport
{
    public async Task<string> DeliverAsync(EmailMessage message, string messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(messageId);
        var mime = MimeMessages.Build(message, messageId, email.Sender, time.GetUtcNow());

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        if (smtp.ServerCertificateSha256 is { } pinned)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => errors == SslPolicyErrors.None || IsPinned(certificate, pinned);
        }

        string reply;
        using var untilData = new PointOfNoReturn(ct);
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), ct);
            if (smtp.UserName is not null)
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
            }

            reply = await client.SendAsync(mime, untilData.Token, untilData);
        }
        catch (Exception ex) when (Classify(ex) is { } failure)
        {
            throw failure;
        }

        // The server has taken the message: a failure to say goodbye must not make it look unsent.
        try
        {
            await client.DisconnectAsync(quit: true, untilData.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or CommandException or OperationCanceledException)
        {
            LogQuitFailed(ex, messageId);
        }

        LogAccepted(messageId, smtp.Host, smtp.Port);
        return reply;
    }

    /// <summary>What an exception from MailKit means to the outbox; null for what is not a delivery failure (cancellation, bugs).</summary>
    internal static EmailTransportException? Classify(Exception exception) => exception switch
    {
        EmailTransportException already => already,
        SmtpCommandException refused => new EmailTransportException(
            $"The SMTP server refused the {What(refused.ErrorCode)}: {(int)refused.StatusCode} {refused.Message}",
            isPermanent: (int)refused.StatusCode is >= 500 and < 600,
            refused),
        SmtpProtocolException protocol => new EmailTransportException($"The SMTP conversation broke off: {protocol.Message}", isPermanent: false, protocol),

        // A rejected login or certificate is a setting to fix, not a message to give up on: it is retried.
        AuthenticationException auth => new EmailTransportException($"The SMTP server refused the login: {auth.Message}", isPermanent: false, auth),
        SslHandshakeException tls => new EmailTransportException($"The TLS handshake with the SMTP server failed: {tls.Message}", isPermanent: false, tls),
        NotSupportedException unsupported => new EmailTransportException($"The SMTP server does not support what the settings ask: {unsupported.Message}", isPermanent: false, unsupported),
        SocketException or IOException or TimeoutException or ServiceNotConnectedException or ServiceNotAuthenticatedException =>
            new EmailTransportException($"The SMTP server could not be reached: {exception.Message}", isPermanent: false, exception),
        _ => null,
    };

    /// <summary>The certificate the settings name by its SHA-256 fingerprint, trusted although no trusted authority signed it.</summary>
    private static bool IsPinned(X509Certificate? certificate, string sha256) =>
        certificate is not null && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), sha256, StringComparison.OrdinalIgnoreCase);

    private static string What(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.RecipientNotAccepted => "recipient",
        SmtpErrorCode.SenderNotAccepted => "sender",
        SmtpErrorCode.MessageNotAccepted => "message",
        _ => "command",
    };

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "The SMTP server {Host}:{Port} accepted {MessageId}")]
    private partial void LogAccepted(string messageId, string host, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the SMTP connection after {MessageId} failed; the message was already accepted")]
    private partial void LogQuitFailed(Exception exception, string messageId);
}
