using System.Globalization;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace OrleansCrm.Infrastructure.Messaging;

/// <summary>
/// Where email goes: through <see cref="Smtp"/> when <c>Smtp:Host</c> is set, otherwise as <c>.eml</c>
/// files into <see cref="PickupFolder"/>. Read once at startup; a bad value stops startup with a
/// message naming its key.
/// </summary>
public sealed class EmailSettings
{
    public const string SmtpHostKey = "Smtp:Host";
    public const string SmtpPortKey = "Smtp:Port";
    public const string SmtpFromKey = "Smtp:From";
    public const string SmtpFromNameKey = "Smtp:FromName";
    public const string SmtpUserNameKey = "Smtp:UserName";
    public const string SmtpPasswordKey = "Smtp:Password";
    public const string SmtpSecurityKey = "Smtp:Security";
    public const string SmtpServerCertificateKey = "Smtp:ServerCertificateSha256";
    public const string PickupFolderKey = "Email:PickupFolder";

    public static string DefaultPickupFolder => Path.Combine(Path.GetTempPath(), "orleanscrm-mail");

    /// <summary>The SMTP server, or null to write to the pickup folder.</summary>
    public SmtpSettings? Smtp { get; init; }

    public string PickupFolder { get; init; } = DefaultPickupFolder;

    /// <summary>The sender's address, for both transports.</summary>
    public string From { get; init; } = "crm@localhost";

    public string FromName { get; init; } = "OrleansCrm";

    public MailboxAddress Sender => new(FromName, From);

    public static EmailSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var from = Text(configuration, SmtpFromKey) ?? "crm@localhost";
        if (!IsAddress(from))
        {
            throw new InvalidOperationException($"Configuration '{SmtpFromKey}' must be an email address such as crm@example.com; it is '{from}'.");
        }

        return new EmailSettings
        {
            Smtp = ReadSmtp(configuration),
            PickupFolder = Text(configuration, PickupFolderKey) ?? DefaultPickupFolder,
            From = from,
            FromName = Text(configuration, SmtpFromNameKey) ?? "OrleansCrm",
        };
    }

    private static SmtpSettings? ReadSmtp(IConfiguration configuration)
    {
        var host = Text(configuration, SmtpHostKey);
        if (host is null)
        {
            foreach (var key in new[] { SmtpPortKey, SmtpUserNameKey, SmtpPasswordKey, SmtpSecurityKey, SmtpServerCertificateKey })
            {
                if (Text(configuration, key) is not null)
                {
                    throw new InvalidOperationException($"Configuration '{key}' is set but '{SmtpHostKey}' is not: set '{SmtpHostKey}' to send through SMTP, or remove '{key}' to write email to the pickup folder.");
                }
            }

            return null;
        }

        var userName = Text(configuration, SmtpUserNameKey);
        var password = configuration[SmtpPasswordKey];
        if (userName is null && !string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException($"Configuration '{SmtpPasswordKey}' is set but '{SmtpUserNameKey}' is not.");
        }

        if (userName is not null && string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException($"Configuration '{SmtpUserNameKey}' is set but '{SmtpPasswordKey}' is not.");
        }

        return new SmtpSettings
        {
            Host = host,
            Port = Port(configuration),
            UserName = userName,
            Password = userName is null ? null : password,
            Security = Security(configuration),
            ServerCertificateSha256 = ServerCertificate(configuration),
        };
    }

    /// <summary>A fingerprint as certificate tools print it (colons or spaces between the bytes allowed), kept as 64 upper-case hex digits.</summary>
    private static string? ServerCertificate(IConfiguration configuration)
    {
        var value = Text(configuration, SmtpServerCertificateKey);
        if (value is null)
        {
            return null;
        }

        var digits = value.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return digits.Length == 64 && digits.All(char.IsAsciiHexDigit)
            ? digits
            : throw new InvalidOperationException($"Configuration '{SmtpServerCertificateKey}' must be a SHA-256 fingerprint of 64 hex digits; it is '{value}'.");
    }

    private static int Port(IConfiguration configuration)
    {
        var value = Text(configuration, SmtpPortKey);
        if (value is null)
        {
            return 25;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"Configuration '{SmtpPortKey}' must be a port number from 1 to 65535; it is '{value}'.");
    }

    private static SmtpSecurity Security(IConfiguration configuration)
    {
        var value = Text(configuration, SmtpSecurityKey);
        if (value is null)
        {
            return SmtpSecurity.Auto;
        }

        foreach (var option in Enum.GetValues<SmtpSecurity>())
        {
            if (string.Equals(option.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return option;
            }
        }

        throw new InvalidOperationException($"Configuration '{SmtpSecurityKey}' must be one of {string.Join(", ", Enum.GetNames<SmtpSecurity>())}; it is '{value}'.");
    }

    private static bool IsAddress(string value) =>
        MailboxAddress.TryParse(value, out var mailbox) && string.Equals(mailbox.Address, value, StringComparison.Ordinal) && value.Contains('@', StringComparison.Ordinal);

    private static string? Text(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
