using OrleansCrm.Contracts.Ports;
using MimeKit;
using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Infrastructure.Messaging;

/// <summary>Turns an outbox message into the MIME message both transports carry.</summary>
internal static class MimeMessages
{
    public static MimeMessage Build(EmailMessage message, string messageId, MailboxAddress sender, DateTimeOffset date)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            MessageId = messageId.Trim().TrimStart('<').TrimEnd('>'),
        };
        mime.From.Add(sender);
        mime.To.Add(Recipient(message));
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static MailboxAddress Recipient(EmailMessage message)
    {
        var address = message.To?.Trim();
        if (string.IsNullOrEmpty(address)
            || !MailboxAddress.TryParse(address, out var parsed)
            || !string.Equals(parsed.Address, address, StringComparison.Ordinal)
            || !address.Contains('@', StringComparison.Ordinal))
        {
            // The same message can never be delivered: trying again cannot help.
            throw new EmailTransportException("The recipient address is not a valid email address.", isPermanent: true);
        }

        parsed.Name = message.ToName;
        return parsed;
    }
}
