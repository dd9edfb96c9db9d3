using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.Messaging.Sms;

/// <summary>
/// The transport when no SMS gateway is configured: each SMS becomes one JSON file, named after its client message id,
/// in the pickup folder (created when missing). Writing the same message again replaces its file.
/// </summary>
public sealed partial class PickupFolderSmsTransport(SmsSettings settings, ILogger<PickupFolderSmsTransport> logger) : ISmsTransport
{
    private int announced;

    public string Folder => settings.PickupFolder;

    public async Task<string> SendAsync(SmsDispatch sms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var path = Path.Combine(Folder, PickupFolderEmailTransport.FileNameFor(sms.ClientMessageId).Replace(".eml", ".json", StringComparison.Ordinal));
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(sms with { From = sms.From ?? settings.Sender }, Json), ct);

            // Whole files only: a reader of the folder never sees a half-written message.
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            throw new SmsTransportException($"The SMS could not be written to the pickup folder: {ex.Message}", isPermanent: false, isOptOut: false, ex);
        }

        if (Interlocked.Exchange(ref announced, 1) == 0)
        {
            LogPickupFolder(Folder);
        }

        return "pickup:" + Path.GetFileName(path);
    }

    /// <summary>Readable files: "+39…" as written, not escaped (a file, never HTML).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS are written as .json files to the pickup folder {Folder}, not sent (set Sms:BaseUrl to send through the gateway)")]
    private partial void LogPickupFolder(string folder);
}
