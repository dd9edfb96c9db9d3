using OrleansCrm.Contracts.Ports;
using System.Text;
using Microsoft.Extensions.Logging;
using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Infrastructure.Messaging;

/// <summary>
/// The transport when no SMTP server is configured: each message becomes one <c>.eml</c> file, named
/// after its Message-Id, in the pickup folder (created when missing). Writing the same message again
/// replaces its file, so the folder holds one file per message.
/// </summary>
public sealed partial class PickupFolderEmailTransport(
    EmailSettings email,
    TimeProvider time,
    ILogger<PickupFolderEmailTransport> logger) : IEmailTransport
{
    private int announced;

    public string Folder => email.PickupFolder;

    public async Task<string> DeliverAsync(EmailMessage message, string messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(messageId);
        var mime = MimeMessages.Build(message, messageId, email.Sender, time.GetUtcNow());
        var path = Path.Combine(Folder, FileNameFor(messageId));
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            await mime.WriteToAsync(partial, ct);

            // Whole files only: a reader of the folder never sees a half-written message.
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            throw new EmailTransportException($"The message could not be written to the pickup folder: {ex.Message}", isPermanent: false, ex);
        }
        catch (OperationCanceledException)
        {
            TryDelete(partial);
            throw;
        }

        if (Interlocked.Exchange(ref announced, 1) == 0)
        {
            LogPickupFolder(Folder);
        }

        return path;
    }

    /// <summary>The file a Message-Id is written to: its characters that are safe in a file name, then <c>.eml</c>.</summary>
    public static string FileNameFor(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var name = new StringBuilder(messageId.Length + 4);
        foreach (var c in messageId.Trim().TrimStart('<').TrimEnd('>'))
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' or '_' ? c : '_');
        }

        return name.Append(".eml").ToString();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a leftover temporary file; the next attempt writes a new one.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email is written as .eml files to the pickup folder {Folder}, not sent (set Smtp:Host to send through SMTP)")]
    private partial void LogPickupFolder(string folder);
}
